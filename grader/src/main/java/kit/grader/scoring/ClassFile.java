package kit.grader.scoring;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * What the grader reads from a compiled class without loading it: its super class, and per
 * method the calls it makes, the classes it instantiates, the lambdas it creates, the annotations
 * it carries and the stubs it throws. Enough for {@link Prerequisites} to follow which methods a
 * test reaches and for {@link Stubs} to find the stubs still in a library.
 */
final class ClassFile {
    /** A method called (or a lambda's body): owner as an internal name, name and descriptor. */
    record Call(String owner, String name, String descriptor, boolean virtual) {
    }

    /** One method: its calls, the classes it instantiates, the lambdas it creates, its annotations and stubs. */
    record Method(String name, String descriptor, List<Call> calls, List<String> instantiated, List<Call> lambdas,
            List<String> annotations, List<String> stubs) {
    }

    final String name;
    final String superName;
    final List<Method> methods = new ArrayList<>();

    private final Object[] pool;   // String (Utf8), Integer (Class/String: the utf index), int[] refs, Long etc.
    private final int[] tags;
    private final List<int[]> bootstrapArguments = new ArrayList<>();

    private ClassFile(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        in.position(8);
        int count = in.getShort() & 0xFFFF;
        pool = new Object[count];
        tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.get();
            tags[i] = tag;
            switch (tag) {
                case 1 -> {
                    byte[] b = new byte[in.getShort() & 0xFFFF];
                    in.get(b);
                    pool[i] = modifiedUtf8(b);
                }
                case 7, 8, 16, 19, 20 -> pool[i] = in.getShort() & 0xFFFF;
                case 3, 4 -> in.getInt();
                case 9, 10, 11, 12, 17, 18 -> pool[i] = new int[] {in.getShort() & 0xFFFF, in.getShort() & 0xFFFF};
                case 15 -> pool[i] = new int[] {in.get() & 0xFF, in.getShort() & 0xFFFF};
                case 5, 6 -> {
                    in.getLong();
                    i++;
                }
                default -> throw new IllegalArgumentException("constant tag " + tag);
            }
        }
        in.getShort();
        name = className(in.getShort() & 0xFFFF);
        int superIndex = in.getShort() & 0xFFFF;
        superName = superIndex == 0 ? null : className(superIndex);
        int interfaces = in.getShort() & 0xFFFF;
        in.position(in.position() + 2 * interfaces);
        for (int f = in.getShort() & 0xFFFF; f > 0; f--) {
            in.position(in.position() + 6);
            skipAttributes(in);
        }
        List<Object[]> raw = new ArrayList<>();
        for (int m = in.getShort() & 0xFFFF; m > 0; m--) {
            in.getShort();
            String methodName = utf(in.getShort() & 0xFFFF);
            String descriptor = utf(in.getShort() & 0xFFFF);
            byte[] code = null;
            List<String> annotations = new ArrayList<>();
            for (int a = in.getShort() & 0xFFFF; a > 0; a--) {
                String attribute = utf(in.getShort() & 0xFFFF);
                int length = in.getInt();
                int end = in.position() + length;
                if (attribute.equals("Code")) {
                    in.position(in.position() + 4);
                    code = new byte[in.getInt()];
                    in.get(code);
                } else if (attribute.equals("RuntimeVisibleAnnotations")) {
                    for (int n = in.getShort() & 0xFFFF; n > 0; n--) {
                        annotations.add(annotation(in));
                    }
                }
                in.position(end);
            }
            raw.add(new Object[] {methodName, descriptor, code, annotations});
        }
        for (int a = in.getShort() & 0xFFFF; a > 0; a--) {
            String attribute = utf(in.getShort() & 0xFFFF);
            int length = in.getInt();
            int end = in.position() + length;
            if (attribute.equals("BootstrapMethods")) {
                for (int b = in.getShort() & 0xFFFF; b > 0; b--) {
                    in.getShort();
                    int[] args = new int[in.getShort() & 0xFFFF];
                    for (int k = 0; k < args.length; k++) {
                        args[k] = in.getShort() & 0xFFFF;
                    }
                    bootstrapArguments.add(args);
                }
            }
            in.position(end);
        }
        for (Object[] r : raw) {
            @SuppressWarnings("unchecked")
            List<String> annotations = (List<String>) r[3];
            methods.add(scan((String) r[0], (String) r[1], (byte[]) r[2], annotations));
        }
    }

    /** The class in {@code bytes}, or null if they are no class file this reader understands. */
    static ClassFile parse(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return new ClassFile(bytes);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Method scan(String methodName, String descriptor, byte[] code, List<String> annotations) {
        List<Call> calls = new ArrayList<>();
        List<String> instantiated = new ArrayList<>();
        List<Call> lambdas = new ArrayList<>();
        List<String> stubs = new ArrayList<>();
        int pc = 0;
        while (code != null && pc < code.length) {
            int op = code[pc] & 0xFF;
            switch (op) {
                case 0xb6, 0xb7, 0xb8, 0xb9 -> calls.add(call(u2(code, pc + 1), op == 0xb6 || op == 0xb9));
                case 0xba -> lambdas.addAll(lambdaBodies(u2(code, pc + 1)));
                case 0xbb -> {
                    String type = className(u2(code, pc + 1));
                    instantiated.add(type);
                    String stub = type.equals("kit/core/NotImplementedYet") ? stubNamed(code, pc + 3) : null;
                    if (stub != null) {
                        stubs.add(stub);
                    }
                }
                default -> {
                }
            }
            pc += Math.max(1, length(code, pc));   // a malformed switch cannot send the scan backwards
        }
        return new Method(methodName, descriptor, calls, instantiated, lambdas, annotations, stubs);
    }

    /** After {@code new NotImplementedYet}: dup, the lesson (iconst or bipush), then ldc "Class.method". */
    private String stubNamed(byte[] code, int pc) {
        if (pc >= code.length || (code[pc] & 0xFF) != 0x59) {
            return null;
        }
        pc++;
        int op = code[pc] & 0xFF;
        pc += op == 0x10 ? 2 : op == 0x11 ? 3 : op >= 0x02 && op <= 0x08 ? 1 : code.length;
        if (pc >= code.length) {
            return null;
        }
        op = code[pc] & 0xFF;
        int index = op == 0x12 ? code[pc + 1] & 0xFF : op == 0x13 ? u2(code, pc + 1) : 0;
        return index > 0 && tags[index] == 8 ? utf((Integer) pool[index]) : null;
    }

    private Call call(int index, boolean virtual) {
        int[] ref = (int[]) pool[index];
        int[] nameAndType = (int[]) pool[ref[1]];
        return new Call(className(ref[0]), utf(nameAndType[0]), utf(nameAndType[1]), virtual);
    }

    /** The method handles among an invokedynamic's bootstrap arguments: a lambda's body, a method reference's target. */
    private List<Call> lambdaBodies(int index) {
        List<Call> bodies = new ArrayList<>();
        int bootstrap = ((int[]) pool[index])[0];
        if (bootstrap < bootstrapArguments.size()) {
            for (int arg : bootstrapArguments.get(bootstrap)) {
                if (tags[arg] == 15) {
                    int ref = ((int[]) pool[arg])[1];
                    if (tags[ref] == 10 || tags[ref] == 11) {
                        bodies.add(call(ref, false));
                    }
                }
            }
        }
        return bodies;
    }

    private String annotation(ByteBuffer in) {
        String type = utf(in.getShort() & 0xFFFF);
        for (int pairs = in.getShort() & 0xFFFF; pairs > 0; pairs--) {
            in.getShort();
            skipElementValue(in);
        }
        return type;
    }

    private static void skipElementValue(ByteBuffer in) {
        char tag = (char) in.get();
        switch (tag) {
            case 'e' -> in.getInt();
            case '@' -> {
                in.getShort();
                for (int pairs = in.getShort() & 0xFFFF; pairs > 0; pairs--) {
                    in.getShort();
                    skipElementValue(in);
                }
            }
            case '[' -> {
                for (int n = in.getShort() & 0xFFFF; n > 0; n--) {
                    skipElementValue(in);
                }
            }
            default -> in.getShort();
        }
    }

    private static void skipAttributes(ByteBuffer in) {
        for (int a = in.getShort() & 0xFFFF; a > 0; a--) {
            in.getShort();
            int length = in.getInt();
            in.position(in.position() + length);
        }
    }

    /** The length of the instruction at {@code pc}, operands included. */
    private static int length(byte[] code, int pc) {
        int op = code[pc] & 0xFF;
        if (op == 0xaa || op == 0xab) {
            int at = pc + 1 + ((4 - (pc + 1) % 4) % 4);
            if (op == 0xaa) {
                int low = s4(code, at + 4);
                int high = s4(code, at + 8);
                return at + 12 + 4 * (high - low + 1) - pc;
            }
            return at + 8 + 8 * s4(code, at + 4) - pc;
        }
        if (op == 0xc4) {
            return (code[pc + 1] & 0xFF) == 0x84 ? 6 : 4;
        }
        if (op == 0x10 || op == 0x12 || (op >= 0x15 && op <= 0x19) || (op >= 0x36 && op <= 0x3a) || op == 0xa9
                || op == 0xbc) {
            return 2;
        }
        if (op == 0x11 || op == 0x13 || op == 0x14 || op == 0x84 || (op >= 0x99 && op <= 0xa8)
                || (op >= 0xb2 && op <= 0xb8) || op == 0xbb || op == 0xbd || op == 0xc0 || op == 0xc1
                || op == 0xc6 || op == 0xc7) {
            return 3;
        }
        if (op == 0xc5) {
            return 4;
        }
        if (op == 0xb9 || op == 0xba || op == 0xc8 || op == 0xc9) {
            return 5;
        }
        return 1;
    }

    private static int u2(byte[] code, int at) {
        return ((code[at] & 0xFF) << 8) | (code[at + 1] & 0xFF);
    }

    private static int s4(byte[] code, int at) {
        return ((code[at] & 0xFF) << 24) | ((code[at + 1] & 0xFF) << 16) | ((code[at + 2] & 0xFF) << 8) | (code[at + 3] & 0xFF);
    }

    private String utf(int index) {
        return (String) pool[index];
    }

    private String className(int index) {
        return utf((Integer) pool[index]).replaceFirst("^\\[+L?", "").replace(";", "");
    }

    /** Class files store strings in modified UTF-8; the names and messages here are plain ASCII or close to it. */
    private static String modifiedUtf8(byte[] b) {
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
