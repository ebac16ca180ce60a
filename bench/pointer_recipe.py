"""The Lesson 6 pointer recipe in PyTorch, float64 on one thread, for bench/transformer-vs-torch.

The same model, data and recipe as the kit's (kit.lesson6.PointerModels): all 2048 inputs of the
pointer task (8 memory bits, 3 address bits, answer read at the last of 11 positions), a pre-LayerNorm
transformer of width 16, feed-forward width 32, one head, no mask, token and position embeddings
drawn from N(0, 1), Glorot-uniform weights and zero biases, LayerNorm of the last row and a linear
readout to 2 logits; softmax cross-entropy, the mean over mini-batches of 16 in a fresh random order
each epoch, Adam (beta1 0.9, beta2 0.99, eps 1e-8) with a linear warmup over 0.8 epochs and a
half-cosine decay to 0, peak rate 3e-3. Each mini-batch is one tensor, as a PyTorch user writes it.

    python3 bench/pointer_recipe.py DEPTH EPOCHS REPEATS SEED
prints per repeat: "torch depth D epoch_ms CPU_MS wall_ms WALL_MS accuracy A" (CPU of this process).
"""
import math
import sys
import time

import torch

torch.set_num_threads(1)
torch.set_default_dtype(torch.float64)

LENGTH, TOKENS, WIDTH, HIDDEN, BATCH = 11, 2, 16, 32, 16
RATE, WARMUP_EPOCHS, BETA2 = 3e-3, 0.8, 0.99


def task():
    n = torch.arange(2 ** LENGTH)
    bits = torch.stack([(n >> (LENGTH - 1 - t)) & 1 for t in range(LENGTH)], dim=1)   # 2048 x 11
    address = 4 * bits[:, 8] + 2 * bits[:, 9] + bits[:, 10]
    answer = bits[torch.arange(len(n)), address]
    return bits, answer


def linear(fan_in, fan_out):
    layer = torch.nn.Linear(fan_in, fan_out)
    bound = math.sqrt(6.0 / (fan_in + fan_out))
    torch.nn.init.uniform_(layer.weight, -bound, bound)
    torch.nn.init.zeros_(layer.bias)
    return layer


class Block(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.norm1, self.norm2 = torch.nn.LayerNorm(WIDTH, eps=1e-5), torch.nn.LayerNorm(WIDTH, eps=1e-5)
        self.q, self.k, self.v, self.o = (linear(WIDTH, WIDTH) for _ in range(4))
        self.ff1, self.ff2 = linear(WIDTH, HIDDEN), linear(HIDDEN, WIDTH)

    def forward(self, x):                                      # B x T x d
        n = self.norm1(x)
        scores = self.q(n) @ self.k(n).transpose(1, 2) / math.sqrt(WIDTH)
        u = x + self.o(torch.softmax(scores, dim=-1) @ self.v(n))
        return u + self.ff2(torch.relu(self.ff1(self.norm2(u))))


class Transformer(torch.nn.Module):
    def __init__(self, depth):
        super().__init__()
        self.tokens = torch.nn.Parameter(torch.randn(TOKENS, WIDTH))
        self.positions = torch.nn.Parameter(torch.randn(LENGTH, WIDTH))
        self.blocks = torch.nn.ModuleList(Block() for _ in range(depth))
        self.norm = torch.nn.LayerNorm(WIDTH, eps=1e-5)
        self.readout = linear(WIDTH, TOKENS)

    def forward(self, bits):                                   # B x T token ids
        h = self.tokens[bits] + self.positions
        for block in self.blocks:
            h = block(h)
        return self.readout(self.norm(h[:, -1]))


def main():
    depth, epochs, repeats, seed = (int(a) for a in sys.argv[1:5])
    bits, answer = task()
    steps_per_epoch = (len(bits) + BATCH - 1) // BATCH
    steps, warmup = epochs * steps_per_epoch, round(WARMUP_EPOCHS * steps_per_epoch)

    def rate(t):
        if t <= warmup:
            return RATE * t / (warmup + 1)
        return RATE * 0.5 * (1 + math.cos(math.pi * min(1.0, (t - warmup) / max(1, steps - warmup))))

    for r in range(repeats):
        torch.manual_seed(seed + r)
        model = Transformer(depth)
        adam = torch.optim.Adam(model.parameters(), lr=RATE, betas=(0.9, BETA2), eps=1e-8)
        cpu, wall, t = time.process_time(), time.perf_counter(), 0
        for _ in range(epochs):
            order = torch.randperm(len(bits))
            for start in range(0, len(bits), BATCH):
                batch = order[start:start + BATCH]
                t += 1
                for group in adam.param_groups:
                    group["lr"] = rate(t)
                adam.zero_grad()
                torch.nn.functional.cross_entropy(model(bits[batch]), answer[batch]).backward()
                adam.step()
        cpu_ms = (time.process_time() - cpu) * 1e3 / epochs
        wall_ms = (time.perf_counter() - wall) * 1e3 / epochs
        with torch.no_grad():
            accuracy = (model(bits).argmax(dim=1) == answer).double().mean().item()
        print(f"torch depth {depth} epoch_ms {cpu_ms:.1f} wall_ms {wall_ms:.1f} accuracy {accuracy:.4f}")


if __name__ == "__main__":
    main()
