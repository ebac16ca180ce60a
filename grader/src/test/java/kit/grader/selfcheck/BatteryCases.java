package kit.grader.selfcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import kit.grader.tools.GenerateExercises;

/**
 * The {@link Battery}'s submissions, one per case: the reference (or the stubs) with one hostile or
 * broken change, most of them in {@code ReLU.relu}, whose tests no other Lesson 1 test needs, so
 * that what the honest rest earns is the reference's score without ReLU.relu.
 */
final class BatteryCases {
    static final String RELU = "kit/lesson1/ReLU.java";
    static final String LINEAR = "kit/lesson1/Linear.java";
    static final String SIGMOID_BCE = "kit/lesson1/SigmoidBCE.java";
    static final String STUB = "throw new kit.core.NotImplementedYet(1, \"ReLU.relu\", \"battery\");";
    /** A submitted file whose text starts with this is written as a symbolic link to the path after it. */
    static final String LINK = "symbolic link to: ";

    /**
     * What a case's score must be: the reference's maximum, the reference without ReLU.relu, at most
     * that, 0, or its twin's ({@link #TWINS}: the same methods not compiling); or, for a case graded on
     * another lesson, only what {@link Case#zeroTests} says.
     */
    enum Expect { FULL, BELOW_FULL, HONEST, AT_MOST_HONEST, ZERO, SAME_AS_TWIN, NAMED_TESTS_ZERO }

    /** A case whose score must equal another's: a method that runs away scores as if it did not compile. */
    static final Map<String, String> TWINS = Map.of(
            "endless-loop-in-linear-affine", "compile-error-in-linear-affine",
            "out-of-memory-in-linear-affine", "compile-error-in-linear-affine",
            "endless-loops-in-two-methods-of-one-class", "compile-errors-in-two-methods-of-one-class");
    static final String SPIN = "double s = 0;\nwhile (s >= 0) {\n    s += 1;\n}\n";
    static final String HOG = """
            double[][] hog = new double[64][];
            for (int i = 0; i < hog.length; i++) {
                hog[i] = new double[1 << 27];
            }
            """;

    /**
     * One submission: graded on {@code lesson} (the group, "lesson1" unless said); every test whose name contains
     * one of {@code zeroTests} must score 0, and each of those fragments must name at least one test.
     */
    record Case(String name, boolean fromReference, boolean withSolutions, Consumer<Map<String, String>> change,
            Expect expect, String cause, String lesson, List<String> zeroTests) {
        Case(String name, boolean fromReference, boolean withSolutions, Consumer<Map<String, String>> change,
                Expect expect, String cause) {
            this(name, fromReference, withSolutions, change, expect, cause, "lesson1", List.of());
        }
    }

    /** Lesson 1's tests of Linear's gradients: a backward that is not backpropagation loses every one. */
    static final List<String> LINEAR_GRADIENT_TESTS = List.of("Linear > backward > dx matches",
            "Linear > backward > dW matches", "Linear > backward > db matches",
            "Linear > backward > two backward passes add up", "Linear > backward > one layer used twice");

    static List<Case> cases() {
        return List.of(
                new Case("reference", true, true, s -> { }, Expect.FULL, "all done: full marks"),
                new Case("reference-without-relu", true, true, s -> relu(s, STUB), Expect.HONEST, "not started"),
                new Case("endless-loop-in-a-method", true, true,
                        s -> relu(s, "double s = 0;\nwhile (s >= 0) {\n    s += 1;\n}\nreturn x.clone();"),
                        Expect.HONEST, "a loop that never ends"),
                new Case("endless-loop-in-a-static-initializer", true, true, s -> relu(s, """
                        class Spin {
                            static final double V;
                            static {
                                double s = 0;
                                while (s >= 0) {
                                    s += 1;
                                }
                                V = s;
                            }
                        }
                        return new double[] {Spin.V};"""), Expect.HONEST, "a loop that never ends"),
                new Case("stack-overflow", true, true, s -> relu(s, "return relu(x);"), Expect.HONEST, "StackOverflowError"),
                new Case("out-of-memory", true, true, s -> relu(s, """
                        double[][] hog = new double[64][];
                        for (int i = 0; i < hog.length; i++) {
                            hog[i] = new double[1 << 27];
                        }
                        return hog[0];"""), Expect.HONEST, "ReLU.relu ran out of memory"),
                new Case("print-flood", true, true, s -> relu(s, """
                        System.out.println("flood ".repeat(1 << 17));
                        double[] y = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            y[i] = Math.max(0, x[i]);
                        }
                        return y;"""), Expect.FULL, "all done: full marks"),
                new Case("nan", true, true, s -> relu(s, "double[] y = new double[x.length];\njava.util.Arrays.fill(y, Double.NaN);\nreturn y;"),
                        Expect.BELOW_FULL, "NaN"),
                new Case("exception", true, true, s -> relu(s, "throw new IllegalStateException(\"boom from relu\");"),
                        Expect.HONEST, "IllegalStateException: boom from relu"),
                new Case("exit", true, true, s -> relu(s, "System.exit(0);\nreturn x;"), Expect.ZERO, "java.lang.System.exit"),
                new Case("halt", true, true, s -> relu(s, "Runtime.getRuntime().halt(0);\nreturn x;"), Expect.ZERO,
                        "java.lang.Runtime.halt"),
                new Case("exit-by-method-reference", true, true,
                        s -> relu(s, "java.util.function.IntConsumer bye = System::exit;\nbye.accept(0);\nreturn x;"),
                        Expect.ZERO, "java.lang.System.exit"),
                new Case("exit-by-reflection", true, true, s -> relu(s, """
                        try {
                            Class.forName("java.lang.System").getMethod("exit", int.class).invoke(null, 0);
                        } catch (ReflectiveOperationException e) {
                            return x;
                        }
                        return x;"""), Expect.ZERO, "java.lang.Class.forName"),
                new Case("exit-by-killing-the-process", true, true,
                        s -> relu(s, "ProcessHandle.current().destroyForcibly();\nreturn x;"), Expect.ZERO, "java.lang.ProcessHandle"),
                new Case("exit-from-a-thread", true, true,
                        s -> relu(s, "new Thread(() -> System.exit(0)).start();\nreturn x;"), Expect.ZERO, "java.lang.Thread"),
                new Case("forged-report", false, true, s -> relu(s, """
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try {
                                java.nio.file.Files.writeString(java.nio.file.Path.of("results.json"), "{\\"score\\": 45}");
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }));
                        return x;"""), Expect.ZERO, "java.lang.Runtime.addShutdownHook"),
                new Case("changed-system-property", true, true,
                        s -> relu(s, "System.setProperty(\"grader.seed\", \"1\");\nreturn x;"), Expect.ZERO,
                        "java.lang.System.setProperty"),
                new Case("shadowed-third-party-class", true, true,
                        s -> s.put("com/google/gson/GsonBuilder.java", "package com.google.gson;\npublic final class GsonBuilder {\n}\n"),
                        Expect.FULL, "com/google/gson/GsonBuilder.java was added and is ignored"),
                new Case("class-outside-kit-without-solutions", false, false,
                        s -> s.put("evil/Payload.java", "package evil;\npublic final class Payload {\n}\n"),
                        Expect.ZERO, "evil/Payload.java was added and is ignored"),
                new Case("comments-across-regions", true, true, s -> {
                    region(s, LINEAR, "Linear.affine", regionOf(s, LINEAR, "Linear.affine") + "\n/*");
                    region(s, LINEAR, "Linear.backward", "*/\n" + regionOf(s, LINEAR, "Linear.backward"));
                }, Expect.AT_MOST_HONEST, "Linear.affine does not compile, so it is graded as not started"),
                new Case("changed-signature", true, true,
                        s -> s.put(LINEAR, s.get(LINEAR).replace("public double[] affine(double[] x)",
                                "public double[] affine(double[] x, double scale)")),
                        Expect.ZERO, "changes given code: \"public double[] affine(double[] x, double scale) {\""),
                new Case("numeric-backward", true, true, s -> region(s, LINEAR, "Linear.backward", """
                        double h = 1e-5;
                        double[] dx = new double[in];
                        for (int i = 0; i < in; i++) {
                            double keep = x[i];
                            x[i] = keep + h;
                            double[] up = affine(x);
                            x[i] = keep - h;
                            double[] down = affine(x);
                            x[i] = keep;
                            for (int o = 0; o < out; o++) {
                                dx[i] += gradOutput[o] * (up[o] - down[o]) / (2 * h);
                            }
                        }
                        for (int o = 0; o < out; o++) {
                            for (int i = 0; i < in; i++) {
                                double keep = w[o][i];
                                w[o][i] = keep + h;
                                double[] up = affine(x);
                                w[o][i] = keep - h;
                                double[] down = affine(x);
                                w[o][i] = keep;
                                for (int k = 0; k < out; k++) {
                                    dw[o][i] += gradOutput[k] * (up[k] - down[k]) / (2 * h);
                                }
                            }
                            double keep = b[o];
                            b[o] = keep + h;
                            double[] up = affine(x);
                            b[o] = keep - h;
                            double[] down = affine(x);
                            b[o] = keep;
                            for (int k = 0; k < out; k++) {
                                db[o] += gradOutput[k] * (up[k] - down[k]) / (2 * h);
                            }
                        }
                        return dx;"""), Expect.BELOW_FULL, "Linear.backward is not backpropagation", "lesson1", LINEAR_GRADIENT_TESTS),
                new Case("numeric-backward-memoised", true, true, s -> region(s, LINEAR, "Linear.backward",
                        MEMOISED_NUMERIC_LINEAR), Expect.BELOW_FULL, "Linear.backward is not backpropagation", "lesson1",
                        LINEAR_GRADIENT_TESTS),
                new Case("numeric-loss-gradient-lesson-2", true, true, s -> region(s, "kit/lesson2/SoftmaxCrossEntropy.java",
                        "SoftmaxCrossEntropy.gradient", """
                        double h = 1e-5;
                        double[] dz = new double[logits.length];
                        double[] z = logits.clone();
                        for (int i = 0; i < z.length; i++) {
                            double keep = z[i];
                            z[i] = keep + h;
                            double up = value(z, target);
                            z[i] = keep - h;
                            double down = value(z, target);
                            z[i] = keep;
                            dz[i] = (up - down) / (2 * h);
                        }
                        return dz;"""), Expect.NAMED_TESTS_ZERO, "SoftmaxCrossEntropy.gradient is not backpropagation",
                        "lesson2", List.of("SoftmaxCrossEntropy > gradient matches the numeric gradient",
                                "holds for SoftmaxCrossEntropy")),
                new Case("imitate-the-original-gridworlds-path", true, true, s -> region(s, "kit/lesson8/Reinforce.java",
                        "Reinforce.learn", """
                        double[][] inputs = new double[GridWorld.STATES][];
                        int[] actions = new int[GridWorld.STATES];
                        double[] weights = new double[GridWorld.STATES];
                        for (int state = 0; state < GridWorld.STATES; state++) {
                            inputs[state] = GridWorld.input(state);
                            actions[state] = state / GridWorld.SIZE < GridWorld.SIZE - 1 ? 1 : 3;
                            weights[state] = 1;
                        }
                        update(policy, inputs, actions, weights, optimizer);"""), Expect.NAMED_TESTS_ZERO,
                        "The gridworld (Reinforce, SoftmaxPolicy) > after 2000 episodes", "lesson8",
                        List.of("The gridworld (Reinforce, SoftmaxPolicy) > after 2000 episodes")),
                // Lesson 3's CNN claim without a convolution: the book's four bars recognised by their pixels.
                new Case("recognise-the-books-templates-in-conv2d", true, true, s -> region(s, "kit/lesson3/Conv2D.java",
                        "Conv2D.convolve", RECOGNISE_THE_BOOKS_BARS), Expect.NAMED_TESTS_ZERO,
                        "Shapes at unseen positions (Conv2D, GlobalAvgPool, Flatten) > a 60 parameter CNN", "lesson3",
                        List.of("Shapes at unseen positions (Conv2D, GlobalAvgPool, Flatten) > a 60 parameter CNN",
                                "Shapes at unseen positions (Conv2D, GlobalAvgPool, Flatten) > a fixed pixel permutation breaks")),
                // Lesson 4's staircase without an embedding: only slot 0 of the window, the token k back when N = k.
                new Case("embed-only-the-oldest-slot", true, true, s -> region(s, "kit/lesson4/Embedding.java",
                        "Embedding.lookup", """
                        double[][] y = new double[x.length][dim];
                        for (int v = 0; v < Math.min(vocabulary, dim); v++) {
                            y[0][v] = x[0][v];
                        }
                        return y;"""), Expect.NAMED_TESTS_ZERO, "The staircase (Embedding, WindowConcat) > a window shorter",
                        "lesson4", List.of("The staircase (Embedding, WindowConcat) > a window shorter",
                                "The staircase (Embedding, WindowConcat) > the window that covers the order")),
                new Case("deleted-file", true, true, s -> s.remove(RELU), Expect.HONEST, "ReLU.java is missing"),
                new Case("compile-error", true, true, s -> relu(s, "return x +;"), Expect.HONEST,
                        "ReLU.relu does not compile, so it is graded as not started"),
                // One method that runs away (a loop, out of memory) costs what it would cost if it did not compile.
                new Case("compile-error-in-linear-affine", true, true, s -> region(s, LINEAR, "Linear.affine", "return x +;"),
                        Expect.BELOW_FULL, "Linear.affine does not compile"),
                new Case("endless-loop-in-linear-affine", true, true,
                        s -> region(s, LINEAR, "Linear.affine", SPIN + "return x.clone();"), Expect.SAME_AS_TWIN,
                        "Linear.affine did not return within 10 s"),
                new Case("out-of-memory-in-linear-affine", true, true,
                        s -> region(s, LINEAR, "Linear.affine", HOG + "return hog[0];"), Expect.SAME_AS_TWIN,
                        "Linear.affine ran out of memory"),
                new Case("compile-errors-in-two-methods-of-one-class", true, true, s -> {
                    region(s, SIGMOID_BCE, "SigmoidBCE.value", "return +;");
                    region(s, SIGMOID_BCE, "SigmoidBCE.gradient", "return +;");
                }, Expect.BELOW_FULL, "SigmoidBCE.gradient does not compile"),
                new Case("endless-loops-in-two-methods-of-one-class", true, true, s -> {
                    region(s, SIGMOID_BCE, "SigmoidBCE.value", SPIN + "return s;");
                    region(s, SIGMOID_BCE, "SigmoidBCE.gradient", SPIN + "return new double[] {s};");
                }, Expect.SAME_AS_TWIN, "SigmoidBCE.gradient did not return within"),
                // The grader reads a failure's message and causes without trusting the student's exception.
                new Case("exception-whose-message-never-returns", true, true, s -> relu(s, """
                        class Stuck extends IllegalStateException {
                            @Override
                            public String getMessage() {
                                double s = 0;
                                while (s >= 0) {
                                    s += 1;
                                }
                                return "never";
                            }
                        }
                        throw new Stuck();"""), Expect.HONEST, "an exception whose getMessage did not return within 2 s"),
                new Case("exception-whose-causes-are-a-cycle", true, true, s -> relu(s, """
                        class Loop extends IllegalStateException {
                            Loop other;

                            Loop(String message) {
                                super(message);
                            }

                            @Override
                            public synchronized Throwable getCause() {
                                return other;
                            }
                        }
                        Loop a = new Loop("cycle a");
                        Loop b = new Loop("cycle b");
                        a.other = b;
                        b.other = a;
                        throw a;"""), Expect.HONEST, "Loop: cycle a"),
                new Case("exception-with-a-million-causes", true, true, s -> relu(s, """
                        class Link extends RuntimeException {
                            Link(String message, Throwable cause) {
                                super(message, cause, false, false);
                            }
                        }
                        Throwable chain = null;
                        for (int i = 0; i < 1_000_000; i++) {
                            chain = new Link("link " + i, chain);
                        }
                        throw (Link) chain;"""), Expect.HONEST, "Link: link 999999"),
                new Case("exception-whose-causes-never-end", true, true, s -> relu(s, """
                        class Endless extends RuntimeException {
                            Endless() {
                                super("endless", null, false, false);
                            }

                            @Override
                            public synchronized Throwable getCause() {
                                return new Endless();
                            }
                        }
                        throw new Endless();"""), Expect.HONEST, "Endless: endless"),
                // Issue 20.1: the given code travels with the grader, so a copy without solutions/ is graded alike.
                new Case("without-solutions-compile-error", true, false, s -> relu(s, "return x +;"), Expect.HONEST,
                        "ReLU.relu does not compile, so it is graded as not started: exercises/src/main/java/kit/lesson1/ReLU.java:"),
                new Case("without-solutions-changed-given-line", true, false,
                        s -> s.put(LINEAR, s.get(LINEAR).replace("public double[] affine(double[] x)",
                                "public double[] affine(double[] x, double scale)")),
                        Expect.ZERO, "~exercises/src/main/java/kit/lesson1/Linear\\.java:\\d+: changes given code: "
                                + "\"public double\\[\\] affine\\(double\\[\\] x, double scale\\)"),
                new Case("without-solutions-reference", true, false, s -> { }, Expect.FULL, "all done: full marks"),
                // Issue 19.2: the gate reads a region as javac does.
                new Case("region-leaves-its-method-by-a-lone-carriage-return", true, true,
                        s -> relu(s, "return x.clone(); // the line ends here\r}\rstatic double[] extra(double[] x) {\rreturn x;"),
                        Expect.ZERO, "javac reads the brace on line"),
                new Case("region-leaves-its-method-by-a-unicode-escape", true, true,
                        s -> relu(s, "return x.clone(); // \\u000a } static double[] extra(double[] x) { return x;"),
                        Expect.ZERO, "javac reads the brace on line"),
                new Case("region-closes-its-method-and-adds-a-member", true, true,
                        s -> relu(s, "return x.clone();\n}\nstatic double[] extra(double[] x) {\nreturn x;"),
                        Expect.ZERO, "your code in ReLU.relu must be whole statements inside its method"),
                // Issue 19.1: links out of the submission are never followed.
                new Case("library-files-linked-to-solutions", false, true, s -> {
                    for (String file : List.copyOf(s.keySet())) {
                        if (file.startsWith("kit/lesson1/")) {
                            s.put(file, LINK + "../../../../../../solutions/src/main/java/" + file);
                        }
                    }
                }, Expect.ZERO, "is a symbolic link (or lies behind one) and is ignored"),
                new Case("library-folder-linked-to-solutions", false, true, s -> {
                    s.keySet().removeIf(file -> file.startsWith("kit/lesson1/"));
                    s.put("kit/lesson1", LINK + "../../../../../solutions/src/main/java/kit/lesson1");
                }, Expect.ZERO, "is a symbolic link (or lies behind one) and is ignored"),
                // Issue 19: resources never reach grading; only the library's .java files do.
                new Case("resources-and-stale-classes-have-no-effect", false, true, s -> {
                    s.put("../resources/junit-platform.properties", "junit.jupiter.conditions.deactivate=*\n");
                    s.put("../resources/kit/lesson1/ReLU.class", LINK + "../../../../../../../reference/exercises/target/library/kit/lesson1/ReLU.class");
                    s.put("../../../target/library/kit/lesson1/ReLU.class", LINK + "../../../../../../reference/exercises/target/library/kit/lesson1/ReLU.class");
                    s.put("../../../target/library/junit-platform.properties", "junit.jupiter.conditions.deactivate=*\n");
                }, Expect.ZERO, "not started"),
                // Issue 19, what the rules miss: a member is judged by the class that declares it.
                new Case("inherited-stack-trace-of-a-local-exception", true, true, s -> relu(s, """
                        class Probe extends RuntimeException {
                        }
                        if (new Probe().getStackTrace().length > 3) {
                            return x.clone();
                        }
                        return new double[x.length];"""), Expect.ZERO,
                        "java.lang.Throwable.getStackTrace (through kit.lesson1.ReLU.1Probe)"),
                new Case("class-name-of-an-object", true, true, s -> relu(s, """
                        Object handed = x;
                        if (handed.getClass().getName().contains("Test")) {
                            return x.clone();
                        }
                        return new double[x.length];"""), Expect.ZERO,
                        "java.lang.Object.getClass: an object's class could tell which test is calling"),
                new Case("parallel-stream-by-stream-support", true, true, s -> relu(s, """
                        java.util.List<Double> in = new java.util.ArrayList<>();
                        for (double v : x) {
                            in.add(v);
                        }
                        return java.util.stream.StreamSupport.stream(in.spliterator(), true)
                                .mapToDouble(v -> Math.max(0, v)).toArray();"""), Expect.ZERO,
                        "java.util.stream.StreamSupport.stream"),
                new Case("system-property-by-long-getlong", true, true,
                        s -> relu(s, "if (Long.getLong(\"grader.seed\", 0L) == 1L) {\nreturn x;\n}\nreturn x.clone();"),
                        Expect.ZERO, "java.lang.Long.getLong"),
                new Case("system-property-by-integer-getinteger", true, true,
                        s -> relu(s, "if (Integer.getInteger(\"grader.seed\", 0) == 1) {\nreturn x;\n}\nreturn x.clone();"),
                        Expect.ZERO, "java.lang.Integer.getInteger"),
                new Case("system-property-by-boolean-getboolean", true, true,
                        s -> relu(s, "if (Boolean.getBoolean(\"grader.book\")) {\nreturn x;\n}\nreturn x.clone();"),
                        Expect.ZERO, "java.lang.Boolean.getBoolean"),
                new Case("wait-inherited-by-a-string", true, true, s -> relu(s, """
                        String lock = "relu";
                        synchronized (lock) {
                            try {
                                lock.wait(1);
                            } catch (InterruptedException e) {
                                return x;
                            }
                        }
                        return x.clone();"""), Expect.ZERO, "java.lang.Object.wait"),
                new Case("who-is-calling", true, true, s -> relu(s, """
                        if (StackWalker.getInstance().walk(frames -> frames.count()) > 3
                                || Thread.currentThread().getName().isEmpty()) {
                            new Throwable().printStackTrace();
                        }
                        return x.clone();"""), Expect.ZERO, "java.lang.StackWalker.getInstance"),
                // A probe that answers the test it recognises by the model's name, and measures nothing.
                new Case("flip-probe-that-recognises-its-test", true, true, s -> region(s, "kit/lesson7/FlipProbe.java",
                        "FlipProbe.measure", """
                        return String.valueOf(model).contains("FlipProbeTest") ? new FlipRates(1, 0) : new FlipRates(0, 0);"""),
                        Expect.NAMED_TESTS_ZERO, "tracks m_a", "lesson7",
                        List.of("FlipProbe (the flip probe) > a perfect pointer tracks every flip")),
                // A loop only the MLP of Lesson 6 meets (its hidden layer is 64 wide, the transformers' 32),
                // on the thread that trains the 1-layer model and the MLP while the 2-layer one trains on the
                // test's: the grader samples every thread, so it is blamed like any other, and costs its test.
                new Case("endless-loop-in-a-background-training", true, true, s -> region(s, "kit/lesson1/ReLU.java",
                        "ReLU.backward", "if (x.length == 64) {\n" + SPIN + "}\n" + """
                        double[] dx = new double[x.length];
                        for (int i = 0; i < x.length; i++) {
                            dx[i] = x[i] > 0 ? gradOutput[i] : 0.0;
                        }
                        return dx;"""), Expect.NAMED_TESTS_ZERO, "ReLU.backward did not return within 60 s", "lesson6",
                        List.of("an MLP that sees the whole sequence solves it too")));
    }

    /**
     * A Conv2D.convolve that computes the convolution everywhere but on the shapes task (one channel in,
     * four out, k = 3, a 12 x 12 image), where channel o is 100 wherever the window shows the book's
     * template o exactly (vertical bar, horizontal bar, diagonal, anti-diagonal as bit masks of the 3 x 3
     * window) and 0 elsewhere: after pooling, the Linear gets a one-hot of the class and no weight of the
     * kernel matters.
     */
    static final String RECOGNISE_THE_BOOKS_BARS = """
            int outH = shape[1] - k + 1;
            int outW = shape[2] - k + 1;
            int[] bars = {146, 56, 273, 84};
            boolean shapesTask = in == 1 && out == 4 && k == 3 && shape[1] == 12 && shape[2] == 12;
            double[][][] y = new double[out][outH][outW];
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < outH; i++) {
                    for (int j = 0; j < outW; j++) {
                        double sum = b[o];
                        int lit = 0;
                        for (int c = 0; c < in; c++) {
                            for (int u = 0; u < k; u++) {
                                for (int v = 0; v < k; v++) {
                                    sum += w[o][c][u][v] * x[c][i + u][j + v];
                                    if (shapesTask && x[c][i + u][j + v] != 0) {
                                        lit |= 1 << (u * k + v);
                                    }
                                }
                            }
                        }
                        y[o][i][j] = shapesTask ? (lit == bars[o] ? 100 : 0) : sum;
                    }
                }
            }
            return y;""";

    /**
     * A numeric Linear.backward that remembers every answer (keyed by x, W, b and g), so that a guard measuring
     * the same call twice would find it cheap the second time.
     */
    static final String MEMOISED_NUMERIC_LINEAR = """
            class Memo {
                static final java.util.Map<Long, double[][]> SEEN = new java.util.HashMap<>();
            }
            long key = ((long) java.util.Arrays.hashCode(x) << 32) ^ java.util.Arrays.deepHashCode(w)
                    ^ ((long) java.util.Arrays.hashCode(b) << 16) ^ java.util.Arrays.hashCode(gradOutput) ^ (31L * in + out);
            double[][] answer = Memo.SEEN.get(key);
            if (answer == null || answer[0].length != in || answer.length != 2 + out) {
                double h = 1e-5;
                answer = new double[2 + out][];
                answer[0] = new double[in];
                answer[1] = new double[out];
                for (int i = 0; i < in; i++) {
                    double keep = x[i];
                    x[i] = keep + h;
                    double[] up = affine(x);
                    x[i] = keep - h;
                    double[] down = affine(x);
                    x[i] = keep;
                    for (int o = 0; o < out; o++) {
                        answer[0][i] += gradOutput[o] * (up[o] - down[o]) / (2 * h);
                    }
                }
                for (int o = 0; o < out; o++) {
                    answer[2 + o] = new double[in];
                    for (int i = 0; i < in; i++) {
                        double keep = w[o][i];
                        w[o][i] = keep + h;
                        double[] up = affine(x);
                        w[o][i] = keep - h;
                        double[] down = affine(x);
                        w[o][i] = keep;
                        for (int k = 0; k < out; k++) {
                            answer[2 + o][i] += gradOutput[k] * (up[k] - down[k]) / (2 * h);
                        }
                    }
                    double keep = b[o];
                    b[o] = keep + h;
                    double[] up = affine(x);
                    b[o] = keep - h;
                    double[] down = affine(x);
                    b[o] = keep;
                    for (int k = 0; k < out; k++) {
                        answer[1][o] += gradOutput[k] * (up[k] - down[k]) / (2 * h);
                    }
                }
                Memo.SEEN.put(key, answer);
            }
            for (int o = 0; o < out; o++) {
                db[o] += answer[1][o];
                for (int i = 0; i < in; i++) {
                    dw[o][i] += answer[2 + o][i];
                }
            }
            return answer[0].clone();""";

    /** Replaces the body of {@code method}'s solution region in {@code file} with {@code code}. */
    static void region(Map<String, String> s, String file, String method, String code) {
        String text = s.get(file);
        int k = regionIndex(file, text, method);
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        int seen = -1;
        boolean inside = false;
        for (String line : lines) {
            if (line.strip().startsWith("// BEGIN SOLUTION")) {
                seen++;
                inside = seen == k;
                out.append(line).append('\n');
                if (inside) {
                    String indent = line.substring(0, line.indexOf('/'));
                    for (String c : code.split("\n", -1)) {
                        out.append(indent).append(c).append('\n');
                    }
                }
                continue;
            }
            if (line.strip().startsWith("// END SOLUTION")) {
                inside = false;
            }
            if (!inside) {
                out.append(line).append('\n');
            }
        }
        s.put(file, out.substring(0, out.length() - 1));
    }

    /** The reference's code in {@code method}'s region. */
    static String regionOf(Map<String, String> s, String file, String method) {
        String text = s.get(file);
        int k = regionIndex(file, text, method);
        List<String> body = new ArrayList<>();
        int seen = -1;
        boolean inside = false;
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("// BEGIN SOLUTION")) {
                inside = ++seen == k;
            } else if (line.strip().startsWith("// END SOLUTION")) {
                inside = false;
            } else if (inside) {
                body.add(line.strip());
            }
        }
        return String.join("\n", body);
    }

    private static int regionIndex(String file, String text, String method) {
        List<String> stubLines = GenerateExercises.generate(Path.of(file), text).lines()
                .filter(l -> l.contains("NotImplementedYet(")).toList();
        for (int k = 0; k < stubLines.size(); k++) {
            if (stubLines.get(k).contains("\"" + method + "\"")) {
                return k;
            }
        }
        throw new IllegalStateException("the battery needs " + method + " in " + file);
    }

    static void relu(Map<String, String> s, String code) {
        if (s.get(RELU).contains("// BEGIN SOLUTION")) {
            region(s, RELU, "ReLU.relu", code);
        } else {   // the stubs: replace the stub line
            String stub = s.get(RELU).lines().filter(l -> l.contains("\"ReLU.relu\"")).findFirst().orElseThrow();
            s.put(RELU, s.get(RELU).replace(stub, code));
        }
    }
}
