package cn.supervision.compliance.ruleset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One data item (数据项) of a rule set: the name a workbook row uses for it, its Chinese name, its type and unit, and
 * the request fields it comes from ({@code subject.schools[].sections[].students}). The catalogue of each rule set is
 * data, {@code data-items/<rule set>.tsv} on the classpath, in the order it lists them.
 */
public record DataItem(String name, String label, Type type, String unit, List<String> sources) {

    /** Each rule set's catalogue, read once from the classpath (it is part of the release, never edited at run time). */
    private static final Map<String, List<DataItem>> CATALOGUES = new ConcurrentHashMap<>();

    /** How the figure is read and shown. */
    public enum Type {
        /** a whole number (people, rooms, periods, years) */
        WHOLE,
        /** a decimal figure (money, area, a ratio) */
        DECIMAL,
        /** a rate, sent as a percentage 0–100 and compared as a fraction */
        RATE,
        /** 是 or 否 */
        YES_NO
    }

    private static final String COLUMNS = "数据项\t名称\t类型\t单位\t来源";
    private static final String SOURCE_SEPARATOR = "、";

    /** The catalogue of a rule set; a rule set without one is a packaging error, not a rule set without data items. */
    public static List<DataItem> catalogue(String ruleSet) {
        return CATALOGUES.computeIfAbsent(ruleSet, DataItem::load);
    }

    private static List<DataItem> load(String ruleSet) {
        String resource = "/data-items/" + ruleSet + ".tsv";
        try (InputStream in = DataItem.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no data-item catalogue " + resource + " on the classpath");
            }
            return read(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<DataItem> read(String resource, BufferedReader lines) throws IOException {
        List<DataItem> items = new ArrayList<>();
        boolean header = false;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(COLUMNS)) {
                    throw new IllegalStateException(resource + " line " + number + ": expected the heading " + COLUMNS);
                }
                header = true;
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (cells.length != 5 || cells[0].isBlank() || cells[4].isBlank()) {
                throw new IllegalStateException(resource + " line " + number
                        + ": expected 数据项, 名称, 类型, 单位 and 来源 separated by tabs");
            }
            items.add(new DataItem(cells[0], cells[1], Type.valueOf(cells[2]), cells[3],
                    List.of(cells[4].split(SOURCE_SEPARATOR))));
        }
        return List.copyOf(items);
    }
}
