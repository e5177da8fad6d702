package cn.supervision.compliance.cycle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import cn.supervision.compliance.facts.InvalidInput;

/**
 * Evidence files of a rectification item, screened before anything is stored: at most so many files of at most so
 * many bytes, each a PDF, PNG or JPEG by its content (not by its name or declared type), its name reduced to a plain
 * file name. Anything else is a 400 naming the file.
 */
@Component
class EvidenceScreen {

    private static final int MAX_NAME = 120;

    private final CycleProperties.Evidence limits;

    EvidenceScreen(CycleProperties properties) {
        this.limits = properties.evidence();
    }

    record Screened(String fileName, String mediaType, byte[] content) {
    }

    List<Screened> screen(List<MultipartFile> files) {
        if (files.size() > limits.maxFiles()) {
            throw InvalidInput.of("file", "cycle.evidence.too-many", limits.maxFiles());
        }
        List<Screened> screened = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MultipartFile file = files.get(i);
            String field = "file[" + i + "]";
            if (file.getSize() > limits.maxFileBytes()) {
                throw InvalidInput.of(field, "cycle.evidence.too-large", name(file), limits.maxFileBytes());
            }
            byte[] content = bytes(file);
            String type = kind(content);
            if (type == null) {
                throw InvalidInput.of(field, "cycle.evidence.kind", name(file));
            }
            screened.add(new Screened(name(file), type, content));
        }
        return screened;
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plain file name: no path, no control characters, bounded length. */
    private static String name(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (name.isEmpty()) {
            name = "evidence";
        }
        return name.length() > MAX_NAME ? name.substring(name.length() - MAX_NAME) : name;
    }

    private static String kind(byte[] content) {
        if (starts(content, "%PDF-".getBytes())) {
            return "application/pdf";
        }
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (starts(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean starts(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
