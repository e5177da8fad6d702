package cn.supervision.compliance.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's LibreOffice, headless, printing workbooks to PDF as a user's "export as PDF" would: its own profile folder
 * (so it never meets another soffice of the machine), killed if it hangs.
 */
final class LibreOffice {

    static final Path SOFFICE = Path.of("/usr/bin/soffice");
    /** One start of LibreOffice converts all the files; a busy 2-core machine needs a while. */
    private static final long PATIENCE_SECONDS = 300;
    /** A page object of a PDF ({@code /Type /Pages} is the page tree, not a page). */
    private static final Pattern PAGE = Pattern.compile("/Type\\s*/Page(?![A-Za-z])");

    private LibreOffice() {
    }

    /** The number of printed pages of each workbook, in the order given. */
    static Map<Path, Integer> pages(List<Path> workbooks, Path folder) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(folder.resolve("profile"));
        Path pdfs = Files.createDirectories(folder.resolve("pdf"));
        List<String> command = new ArrayList<>(List.of(SOFFICE.toString(),
                "-env:UserInstallation=" + profile.toAbsolutePath().toUri(), "--headless", "--norestore",
                "--convert-to", "pdf", "--outdir", pdfs.toAbsolutePath().toString()));
        workbooks.forEach(w -> command.add(w.toAbsolutePath().toString()));
        Process soffice = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve("soffice.log").toFile()).start();
        if (!soffice.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            soffice.destroyForcibly().waitFor();
            throw new AssertionError("soffice did not finish within " + PATIENCE_SECONDS + " s");
        }
        Map<Path, Integer> pages = new LinkedHashMap<>();
        for (Path workbook : workbooks) {
            String name = workbook.getFileName().toString().replaceFirst("\\.xlsx$", ".pdf");
            Path pdf = pdfs.resolve(name);
            if (!Files.exists(pdf)) {
                throw new AssertionError("soffice made no " + name + " (exit " + soffice.exitValue() + "): "
                        + Files.readString(folder.resolve("soffice.log")));
            }
            // PDF syntax is ASCII; LibreOffice writes page objects uncompressed
            Matcher page = PAGE.matcher(new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1));
            int count = 0;
            while (page.find()) {
                count++;
            }
            pages.put(workbook, count);
        }
        return pages;
    }
}
