package kit.instructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The self-test's fast part: JSON, Gradescope's schema, the results, the file finder, the log parser. */
final class UnitChecks {
    /** Gradescope's documented example (specs page, "Output format"), without its comments. */
    static final String DOCUMENTED = """
            { "score": 44.0, "execution_time": 136, "output": "Text relevant to the entire submission",
              "output_format": "simple_format", "test_output_format": "text", "test_name_format": "text",
              "visibility": "after_due_date", "stdout_visibility": "visible", "extra_data": {},
              "tests": [ { "score": 2.0, "max_score": 2.0, "status": "passed", "name": "Your name here",
                           "name_format": "text", "number": "1.1", "output": "Giant multiline string",
                           "output_format": "text", "tags": ["tag1", "tag2", "tag3"], "visibility": "visible",
                           "extra_data": {} } ],
              "leaderboard": [ {"name": "Accuracy", "value": 0.926}, {"name": "Time", "value": 15.1, "order": "asc"},
                               {"name": "Stars", "value": "*****"} ] }
            """;

    private UnitChecks() {
    }

    static void run(SelfTest.Checks checks, Path tmp) throws IOException {
        json(checks);
        schema(checks);
        results(checks);
        finder(checks, tmp);
        compilerErrors(checks);
    }

    private static void json(SelfTest.Checks checks) {
        String text = "{\"a\": [1, 2.0, -3e2, true, null, \"x\\\"\\n\\u00e9\"], \"b\": {}}";
        Object parsed = Json.parse(text);
        checks.that("JSON reads and writes back numbers as written", Json.parse(Json.write(parsed)).toString()
                .equals(parsed.toString()) && Json.write(parsed).contains("2.0") && Json.write(parsed).contains("-3E+2"),
                Json.write(parsed));
        for (String bad : List.of("{\"a\": 1,}", "{\"a\": 01}", "[1 2]", "{\"a\": \"x}", "{} {}", "{\"a\":1,\"a\":2}")) {
            boolean rejected;
            try {
                Json.parse(bad);
                rejected = false;
            } catch (IllegalArgumentException e) {
                rejected = true;
            }
            checks.that("JSON rejects " + bad, rejected, "accepted");
        }
    }

    private static void schema(SelfTest.Checks checks) {
        checks.that("the schema accepts Gradescope's documented example",
                GradescopeSchema.problems(Json.parse(DOCUMENTED)).isEmpty(),
                GradescopeSchema.problems(Json.parse(DOCUMENTED)).toString());
        Map<String, String> broken = Map.of(
                "{}", "needs a top-level score",
                "{\"score\": \"44\"}", "score must be a number",
                "{\"score\": 1, \"tests\": {}}", "tests must be an array",
                "{\"tests\": [{\"max_score\": 2}]}", "every test needs a score",
                "{\"score\": 1, \"tests\": [{\"score\": 1, \"status\": \"ok\"}]}", "status must be one of",
                "{\"score\": 1, \"output_format\": \"markdown\"}", "output_format must be one of",
                "{\"score\": 1, \"tests\": [{\"score\": 1, \"tags\": [1]}]}", "tags must be an array of strings",
                "{\"score\": 1, \"visibility\": \"always\"}", "visibility must be one of",
                "{\"score\": 1, \"grade\": 1}", "grade is not a key Gradescope documents",
                "[]", "must be a JSON object");
        broken.forEach((doc, expected) -> {
            List<String> problems = GradescopeSchema.problems(Json.parse(doc));
            checks.that("the schema rejects " + doc, problems.stream().anyMatch(p -> p.contains(expected)),
                    problems.toString());
        });
    }

    private static void results(SelfTest.Checks checks) {
        for (Results.Status s : Results.Status.values()) {
            Results r = Results.zero(s, "why", 3);
            List<String> problems = GradescopeSchema.problems(Json.parse(r.render()));
            checks.that("results written for status " + s.label + " follow the schema",
                    problems.isEmpty() && r.status() == s, problems.toString());
        }
        Results plain = Results.fromGrader("{\"score\": 2, \"output\": \"a  b\\n1  2\", \"tests\": "
                + "[{\"score\": 2, \"max_score\": 2, \"tags\": [\"lesson3\"]}]}", false);
        checks.that("a grader's plain table becomes a Markdown code block", "md".equals(plain.json.get("output_format"))
                && plain.json.get("output").equals("```\na  b\n1  2\n```") && plain.status() == Results.Status.FULL_MARKS
                && plain.pointsPerLesson().toString().equals("{3=2}"), plain.render());
        Results formatted = Results.fromGrader("{\"score\": 0, \"output\": \"<b>x</b>\", \"output_format\": \"html\"}", true);
        checks.that("a grader's own output_format is kept; its refusal is the status",
                formatted.json.get("output").equals("<b>x</b>") && formatted.status() == Results.Status.REFUSED,
                formatted.render());
    }

    private static void finder(SelfTest.Checks checks, Path tmp) throws IOException {
        Path library = tmp.resolve("library");
        write(library.resolve("kit/lesson1/A.java"), "package kit.lesson1;\nclass A { void f() { throw new kit.core.NotImplementedYet(); } }");
        write(library.resolve("kit/core/B.java"), "package kit.core;\nclass B {}");
        String a = "/* package kit.elsewhere; */\n// package kit.other;\npackage kit.lesson1;\nclass A { int mine; }";
        Path repo = tmp.resolve("repo");
        write(repo.resolve("exercises/src/main/java/kit/lesson1/A.java"), a);
        write(repo.resolve("solutions/src/main/java/kit/lesson1/A.java"), "package kit.lesson1;\nclass A { }");
        write(repo.resolve("grader/src/test/java/kit/lesson1/ATest.java"), "package kit.lesson1;\nclass ATest { }");
        write(repo.resolve("kit/lesson1/A.java"), a);
        write(repo.resolve("exercises/src/main/java/kit/lesson1/Extra.java"), "package kit.lesson1;\nclass Extra { }");
        write(repo.resolve("Loose.java"), "class Loose { }");
        Submission s = Submission.find(repo, library, tmp.resolve("scratch1"));
        checks.that("the finder takes a repository's exercises/ copy and nothing from solutions/ or grader/",
                s.taken.keySet().equals(java.util.Set.of("kit/lesson1/A.java"))
                && s.taken.get("kit/lesson1/A.java").toString().contains("exercises")
                && s.ignored.size() == 3, s.taken + " ignored " + s.ignored);

        Path loose = tmp.resolve("loose");
        write(loose.resolve("A.java"), a);
        write(loose.resolve("deep/er/B.java"), "package kit.core;\nclass B { }");
        s = Submission.find(loose, library, tmp.resolve("scratch2"));
        checks.that("the finder places loose files by their package", s.taken.size() == 2 && s.ignored.isEmpty(),
                s.taken + " ignored " + s.ignored);

        Path zipped = tmp.resolve("zipped");
        Files.createDirectories(zipped);
        Fixtures.zip(loose, zipped.resolve("upload.zip"));
        s = Submission.find(zipped, library, tmp.resolve("scratch3"));
        checks.that("the finder opens a zip when there is nothing else", s.taken.size() == 2,
                s.taken + " ignored " + s.ignored);

        Path library2 = tmp.resolve("copy");
        Kit.copy(library, library2);
        Submission.find(repo, library, tmp.resolve("scratch4")).copyInto(library2);
        checks.that("the finder copies only the library's own files",
                Files.readString(library2.resolve("kit/lesson1/A.java")).contains("mine")
                && !Files.exists(library2.resolve("kit/lesson1/Extra.java")), "copied wrongly");
        links(checks, tmp, library);
    }

    /** Issue 19.1: an upload's links (to the bundle's solutions/, say) and zip entries with ".." reach nothing. */
    private static void links(SelfTest.Checks checks, Path tmp, Path library) throws IOException {
        Path bundle = tmp.resolve("bundle");
        write(bundle.resolve("solutions/src/main/java/kit/lesson1/A.java"), "package kit.lesson1;\nclass A { int reference; }");
        Path linked = bundle.resolve("submission");
        Path file = linked.resolve("exercises/src/main/java/kit/lesson1/A.java");
        Files.createDirectories(file.getParent());
        Files.createSymbolicLink(file, Path.of("../../../../../../../solutions/src/main/java/kit/lesson1/A.java"));
        Files.createSymbolicLink(linked.resolve("kit"), Path.of("../solutions/src/main/java/kit"));
        Submission s = Submission.find(linked, library, tmp.resolve("scratch5"));
        checks.that("the finder follows no symbolic link, to a file or a folder, and names each",
                s.taken.isEmpty() && s.ignored.stream().filter(i -> i.contains("a symbolic link")).count() == 2,
                s.taken + " ignored " + s.ignored);

        Path zipped = bundle.resolve("zipped");
        Files.createDirectories(zipped);
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zipped.resolve("upload.zip")))) {
            for (String name : List.of("../../outside/kit/lesson1/A.java", "/abs/kit/lesson1/A.java")) {
                out.putNextEntry(new java.util.zip.ZipEntry(name));
                out.write("package kit.lesson1;\nclass A { int slipped; }".getBytes(StandardCharsets.UTF_8));
            }
        }
        s = Submission.find(zipped, library, tmp.resolve("scratch6"));
        checks.that("the finder unpacks no zip entry whose path leaves its folder (zip-slip), and names each",
                s.taken.isEmpty() && !Files.exists(tmp.resolve("outside"))
                && s.ignored.stream().filter(i -> i.contains("leaves the folder")).count() == 2,
                s.taken + " ignored " + s.ignored);

        Path linkedZip = bundle.resolve("linked-zip");
        Files.createDirectories(linkedZip);
        Files.createSymbolicLink(linkedZip.resolve("upload.zip"), zipped.resolve("upload.zip").toAbsolutePath());
        s = Submission.find(linkedZip, library, tmp.resolve("scratch7"));
        checks.that("the finder opens no linked zip", s.taken.isEmpty()
                && s.ignored.stream().anyMatch(i -> i.contains("a symbolic link")), s.taken + " ignored " + s.ignored);

        Path odd = bundle.resolve("odd-package");
        write(odd.resolve("A.java"), "package ..kit.lesson1;\nclass A { }");
        s = Submission.find(odd, library, tmp.resolve("scratch8"));
        checks.that("the finder places no file by a package name with empty parts", s.taken.isEmpty(),
                s.taken + " ignored " + s.ignored);
    }

    private static void compilerErrors(SelfTest.Checks checks) {
        String log = """
                [INFO] -------------------------------------------------------------
                [ERROR] COMPILATION ERROR :\s
                [INFO] -------------------------------------------------------------
                [ERROR] /w/kit/exercises/src/main/java/kit/lesson1/Linear.java:[69,24] cannot find symbol
                [INFO] 1 error
                [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.14.1:compile
                [ERROR] /w/kit/exercises/src/main/java/kit/lesson1/Linear.java:[69,24] cannot find symbol
                [ERROR]   symbol:   method affine(double[])
                [ERROR]   location: class kit.lesson1.Linear
                [ERROR] -> [Help 1]
                [ERROR] /w/kit/grader/src/test/java/kit/grader/lesson1/LinearTest.java:[10,5] cannot find symbol
                """;
        List<CompilerErrors.Error> errors = CompilerErrors.in(log, "/w/kit");
        checks.that("compiler errors are read once each, relative to the kit, with javac's details",
                errors.size() == 2 && errors.get(0).render().equals("exercises/src/main/java/kit/lesson1/Linear.java"
                        + ":69:24: cannot find symbol\n    symbol: method affine(double[])\n    location: class kit.lesson1.Linear")
                && !errors.get(0).inGrader() && errors.get(1).inGrader(),
                errors.stream().map(CompilerErrors.Error::render).toList().toString());
        String gate = """
                grader: the library does not compile:
                    exercises/src/main/java/kit/lesson1/Linear.java:52: unclosed string literal
                /w/kit/exercises/src/main/java/kit/lesson1/Tanh.java:7: warning: [rawtypes] found raw type
                /w/kit/exercises/src/main/java/kit/lesson1/Tanh.java:9: error: cannot find symbol
                  symbol:   variable y
                """;
        errors = CompilerErrors.in(gate, "/w/kit");
        checks.that("compiler errors in javac's own format are read too, without its warnings",
                errors.stream().map(CompilerErrors.Error::render).toList().equals(List.of(
                        "exercises/src/main/java/kit/lesson1/Linear.java:52: unclosed string literal",
                        "exercises/src/main/java/kit/lesson1/Tanh.java:9: cannot find symbol\n    symbol: variable y")),
                errors.stream().map(CompilerErrors.Error::render).toList().toString());
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
