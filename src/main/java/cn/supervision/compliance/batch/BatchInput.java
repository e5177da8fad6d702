package cn.supervision.compliance.batch;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.supervision.compliance.facts.InputProblem;
import cn.supervision.compliance.facts.InvalidInput;
import cn.supervision.compliance.text.Texts;

/**
 * A batch as received, spooled to a temporary file with one county per line, so that neither the request nor the
 * batch is ever held whole in memory. {@code sources} names, for a person, where each line came from ("第 12 行", "压缩包文件 a.json");
 * {@code unreadable} are the zip entries that are not JSON at all (they are reported, the others still run).
 */
public record BatchInput(Path spool, List<String> sources, List<BatchSummary.InvalidCounty> unreadable) {

    int total() {
        return sources.size() + unreadable.size();
    }

    void delete() {
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON Lines: one county subject or one evaluation request per line; blank lines are skipped. */
    public static BatchInput jsonLines(InputStream in, BatchProperties limits) throws IOException {
        Path spool = Files.createTempFile("batch-", ".jsonl");
        List<String> sources = new ArrayList<>();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool))) {
            byte[] buffer = new byte[64 * 1024];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int lineNumber = 1;
            for (int read; (read = in.read(buffer)) > 0; ) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        spoolLine(line, lineNumber++, out, sources, limits);
                    } else {
                        line.write(buffer[i]);
                        if (line.size() > limits.maxLineBytes()) {
                            throw tooLong("line " + lineNumber, limits);
                        }
                    }
                }
            }
            spoolLine(line, lineNumber, out, sources, limits);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        return new BatchInput(spool, sources, List.of());
    }

    /** A zip of county files: every entry ending in {@code .json} is one county subject or evaluation request. */
    public static BatchInput zip(InputStream in, ObjectMapper mapper, BatchProperties limits) throws IOException {
        Path spool = Files.createTempFile("batch-", ".jsonl");
        List<String> sources = new ArrayList<>();
        List<BatchSummary.InvalidCounty> unreadable = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(spool))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.isDirectory() || !entry.getName().toLowerCase().endsWith(".json")) {
                    continue;
                }
                String source = Texts.of("input.batch.source.zip-entry", entry.getName());
                checkCount(sources.size() + unreadable.size(), limits);
                byte[] content = readBounded(zip, "zip entry " + entry.getName(), limits);
                try {
                    // re-written on one line: the spool holds one county per line whatever the file's layout
                    out.write(mapper.writeValueAsBytes(mapper.readTree(content)));
                    out.write('\n');
                    sources.add(source);
                } catch (JsonProcessingException e) {
                    unreadable.add(new BatchSummary.InvalidCounty(source, List.of(InputProblem.of("file",
                            "input.body.malformed", e.getLocation().getLineNr(), e.getLocation().getColumnNr()))));
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        if (sources.isEmpty() && unreadable.isEmpty()) {
            Files.deleteIfExists(spool);
            throw InvalidInput.of("file", "input.batch.no-county-file");
        }
        return new BatchInput(spool, sources, unreadable);
    }

    private static void spoolLine(ByteArrayOutputStream line, int lineNumber, OutputStream out, List<String> sources,
                                  BatchProperties limits) throws IOException {
        if (!line.toString(StandardCharsets.UTF_8).isBlank()) {
            checkCount(sources.size(), limits);
            line.writeTo(out);
            out.write('\n');
            sources.add(Texts.of("input.batch.source.line", lineNumber));
        }
        line.reset();
    }

    private static byte[] readBounded(InputStream in, String source, BatchProperties limits) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int read; (read = in.read(buffer)) > 0; ) {
            content.write(buffer, 0, read);
            if (content.size() > limits.maxLineBytes()) {
                throw tooLong(source, limits);
            }
        }
        return content.toByteArray();
    }

    private static void checkCount(int counted, BatchProperties limits) {
        if (counted >= limits.maxCounties()) {
            throw InvalidInput.of("body", "input.batch.too-many-counties", limits.maxCounties());
        }
    }

    private static InvalidInput tooLong(String source, BatchProperties limits) {
        return InvalidInput.of(source, "input.batch.county-too-long", limits.maxLineBytes());
    }
}
