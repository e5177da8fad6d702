package cn.supervision.compliance.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON as the audit trail stores it: gzip of the UTF-8 text (RFC 1952, so {@code gunzip} reads a column dumped to a
 * file, and its CRC catches a damaged value). Written and read as streams: the text itself is never held.
 */
final class StoredJson {

    /** Deflate's fastest level: for a county's result about 10 % larger than the default level, at half its CPU. */
    private static final int LEVEL = Deflater.BEST_SPEED;
    private static final int BUFFER = 16 * 1024;

    private StoredJson() {
    }

    static byte[] write(ObjectMapper mapper, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(BUFFER);
        try (OutputStream gzip = new Gzip(bytes)) {
            mapper.writeValue(gzip, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an evaluation as JSON", e);
        }
        return bytes.toByteArray();
    }

    /** JSON already written (an answer as sent), compressed as it stands. */
    static byte[] gzip(byte[] json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(BUFFER);
        try (OutputStream gzip = new Gzip(bytes)) {
            gzip.write(json);
        } catch (IOException e) {
            throw new IllegalStateException("cannot compress an answer", e);
        }
        return bytes.toByteArray();
    }

    static byte[] gunzip(byte[] gzip) {
        try (InputStream json = new GZIPInputStream(new ByteArrayInputStream(gzip), BUFFER)) {
            return json.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("a stored answer is not readable", e);
        }
    }

    static <T> T read(ObjectMapper mapper, byte[] gzip, Class<T> type) {
        try (InputStream json = new GZIPInputStream(new ByteArrayInputStream(gzip), BUFFER)) {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("a stored evaluation is not readable", e);
        }
    }

    private static final class Gzip extends GZIPOutputStream {

        Gzip(OutputStream out) throws IOException {
            super(out, BUFFER);
            def.setLevel(LEVEL);
        }
    }
}
