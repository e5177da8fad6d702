package cn.supervision.compliance.perf;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a synthetic, seeded national dataset as JSON Lines (one {@code balanced-development} evaluation request per
 * line): by default 2,850 counties and about 200,000 schools with the national mix of school types and stages, every
 * resource figure drawn around its national threshold so that a realistic share of sections, CVs and counties fail,
 * and the full-assessment block of {@code samples/county-assessment-430503.json} perturbed per county. The same seed
 * always gives the same file, byte for byte.
 *
 * <pre>mvn -q -Pperf exec:exec -Dperf.main=cn.supervision.compliance.perf.NationalDataset -Dperf.args="/tmp/national.jsonl"</pre>
 *
 * Arguments: output file, then optionally the number of counties and the seed. Never write the file into the repository.
 */
public final class NationalDataset {

    static final int COUNTIES = 2850;
    static final long SEED = 20261126L;
    private static final int MEAN_SCHOOLS = 70;
    private static final String[] PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
            "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
            "65"};
    /** National thresholds (INDICATORS.md §1.1), primary then junior; the generator aims its figures around them. */
    private static final double[][] THRESHOLDS = {
            {4.2, 5.3}, {1, 1}, {0.9, 0.9}, {4.5, 5.8}, {7.5, 10.2}, {2000, 2500}, {2.3, 2.4}};

    private final Random random;
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonNode assessmentTemplate;
    private int schools;

    NationalDataset(long seed) throws IOException {
        this.random = new Random(seed);
        this.assessmentTemplate = mapper.readTree(Path.of("samples/county-assessment-430503.json").toFile())
                .get("subject").get("assessment");
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "/tmp/national.jsonl");
        int counties = args.length > 1 ? Integer.parseInt(args[1]) : COUNTIES;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : SEED;
        NationalDataset dataset = new NationalDataset(seed);
        dataset.write(out, counties);
        System.out.printf("%s: %d counties, %d schools, %d bytes (seed %d)%n", out, counties, dataset.schools,
                Files.size(out), seed);
    }

    void write(Path out, int counties) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
             JsonGenerator json = mapper.getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            for (int i = 0; i < counties; i++) {
                county(json, i);
                json.flush();
                stream.write('\n');
            }
        }
    }

    private void county(JsonGenerator json, int index) throws IOException {
        String province = PROVINCES[index % PROVINCES.length];
        int inProvince = index / PROVINCES.length;
        String code = province + String.format("%02d%02d", 1 + inProvince / 30, 1 + inProvince % 30);
        // a county's overall level: most counties sit a little above the thresholds, some below
        double level = 1.16 + 0.06 * random.nextGaussian();
        int count = Math.max(8, Math.min(400, (int) Math.round(MEAN_SCHOOLS * Math.exp(0.5 * random.nextGaussian())
                / Math.exp(0.125))));
        json.writeStartObject();
        json.writeStringField("ruleSet", "balanced-development");
        json.writeStringField("jurisdiction", "national");
        json.writeObjectFieldStart("subject");
        json.writeStringField("countyCode", code);
        json.writeStringField("countyName", "合成县" + code);
        json.writeNumberField("year", 2026);
        json.writeArrayFieldStart("schools");
        for (int s = 0; s < count; s++) {
            school(json, code, s, s == 0 ? "SPECIAL_ED" : schoolType(), level);
        }
        json.writeEndArray();
        json.writeFieldName("assessment");
        mapper.writeTree(json, assessment());
        json.writeEndObject();
        json.writeEndObject();
        schools += count;
    }

    /** National mix of compulsory-education schools (primary schools dominate; teaching points are numerous). */
    private String schoolType() {
        double r = random.nextDouble();
        return r < 0.60 ? "PRIMARY" : r < 0.80 ? "JUNIOR" : r < 0.88 ? "NINE_YEAR" : r < 0.90 ? "TWELVE_YEAR"
                : r < 0.93 ? "COMPLETE_MIDDLE" : "TEACHING_POINT";
    }

    private void school(JsonGenerator json, String county, int index, String type, double level) throws IOException {
        String[] stages = switch (type) {
            case "NINE_YEAR" -> new String[] {"PRIMARY", "JUNIOR"};
            case "TWELVE_YEAR" -> new String[] {"PRIMARY", "JUNIOR", "SENIOR"};
            case "COMPLETE_MIDDLE" -> new String[] {"JUNIOR", "SENIOR"};
            case "JUNIOR" -> new String[] {"JUNIOR"};
            default -> new String[] {"PRIMARY"};
        };
        boolean wholeSchoolFigures = stages.length > 1 && random.nextBoolean();
        double schoolLevel = level * (1 + 0.04 * random.nextGaussian());
        int[] students = new int[stages.length];
        for (int i = 0; i < stages.length; i++) {
            students[i] = Math.min(stages.length > 1 ? 1200 : 1950, students(type, stages[i]));
        }
        json.writeStartObject();
        json.writeStringField("id", county + "-" + index);
        json.writeStringField("name", "合成" + county + "第" + (index + 1) + "校");
        json.writeStringField("type", type);
        json.writeArrayFieldStart("sections");
        double[] schoolTotals = new double[3];
        int totalClasses = 0;
        double totalFunding = 0;
        for (int i = 0; i < stages.length; i++) {
            boolean senior = stages[i].equals("SENIOR");
            int stage = stages[i].equals("PRIMARY") ? 0 : 1;
            int p = students[i];
            json.writeStartObject();
            json.writeStringField("stage", stages[i]);
            json.writeNumberField("students", p);
            if (!senior && !type.equals("SPECIAL_ED")) {
                json.writeNumberField("qualifiedTeachers", perHundred(0, stage, p, schoolLevel));
                json.writeNumberField("backboneTeachers", perHundred(1, stage, p, schoolLevel));
                json.writeNumberField("peArtTeachers", perHundred(2, stage, p, schoolLevel));
                for (int r = 3; r <= 5; r++) {
                    double amount = THRESHOLDS[r][stage] * p * around(schoolLevel);
                    if (wholeSchoolFigures) {
                        schoolTotals[r - 3] += amount;
                    } else {
                        json.writeNumberField(field(r), decimal(amount));
                    }
                }
                json.writeNumberField("multimediaRooms", perHundred(6, stage, p, schoolLevel));
                int classes = Math.max(1, (int) Math.ceil(p / (34 + 8 * random.nextDouble())));
                json.writeNumberField("classes", classes);
                totalClasses += classes;
                json.writeNumberField("maxClassSize", (int) Math.ceil((double) p / classes) + random.nextInt(4));
                json.writeNumberField("staffQuota", (int) Math.ceil(p / (stage == 0 ? 19.0 : 13.5) * spread(1.10)));
                // small village schools and teaching points are funded as if they had 100 students (G14)
                double funding = Math.max(p, 100) * (stage == 0 ? 600 : 800) * spread(1.15);
                totalFunding += funding;
                json.writeNumberField("publicFundingYuan", decimal(funding));
            } else if (senior && wholeSchoolFigures) {
                for (int r = 3; r <= 5; r++) {
                    schoolTotals[r - 3] += THRESHOLDS[r][1] * p * around(schoolLevel);
                }
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        if (wholeSchoolFigures) {
            for (int r = 3; r <= 5; r++) {
                json.writeNumberField(field(r), decimal(schoolTotals[r - 3]));
            }
        }
        if (!type.equals("SPECIAL_ED")) {
            int rooms = Math.max(1, (int) Math.ceil(totalClasses / 12.0));
            roomAreas(json, "musicRoomAreasM2", rooms, 96);
            roomAreas(json, "artRoomAreasM2", rooms, 90);
            json.writeNumberField("trainingBudgetYuan", decimal(totalFunding * spread(0.095)));
            int teachers = Math.max(2, students[0] / 16);
            json.writeNumberField("fullTimeTeachers", teachers);
            json.writeNumberField("certifiedTeachers", random.nextInt(400) == 0 ? teachers - 1 : teachers);
            json.writeBooleanField("village", type.equals("PRIMARY") && random.nextInt(3) == 0);
        }
        json.writeEndObject();
    }

    private int students(String type, String stage) {
        if (type.equals("TEACHING_POINT")) {
            return 8 + random.nextInt(110);
        }
        if (type.equals("SPECIAL_ED")) {
            return 40 + random.nextInt(160);
        }
        double median = stage.equals("PRIMARY") ? 650 : stage.equals("JUNIOR") ? 800 : 1000;
        return (int) Math.max(60, Math.min(3200, Math.round(median * Math.exp(0.55 * random.nextGaussian()))));
    }

    private int perHundred(int indicator, int stage, int students, double level) {
        return (int) Math.round(THRESHOLDS[indicator][stage] * students / 100 * around(level));
    }

    /** Room areas at or above the minimum area, one school in about 300 with a room too small. */
    private void roomAreas(JsonGenerator json, String field, int rooms, int minimumArea) throws IOException {
        json.writeArrayFieldStart(field);
        for (int i = 0; i < rooms; i++) {
            json.writeNumber(BigDecimal.valueOf(minimumArea + random.nextInt(20) - (random.nextInt(300) == 0 ? 10 : 0)));
        }
        json.writeEndArray();
    }

    /** A school's figure: the school's level with its own spread (a section may well fall below a threshold). */
    private double around(double level) {
        return Math.max(0.3, level * (1 + 0.035 * random.nextGaussian()));
    }

    /** A county-level obligation most schools meet: about 1 school in 300 falls short. */
    private double spread(double mean) {
        return mean * (1 + 0.035 * random.nextGaussian());
    }

    private static String field(int indicator) {
        return switch (indicator) {
            case 3 -> "teachingAreaM2";
            case 4 -> "sportsAreaM2";
            default -> "equipmentValueYuan";
        };
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    /** The sample county's full-assessment figures, each nudged per county (scores only downwards, within maxima). */
    private JsonNode assessment() {
        ObjectNode assessment = assessmentTemplate.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = assessment.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNumber() && field.getKey().endsWith("Pct") && field.getValue().asDouble() < 100) {
                double pct = Math.min(100, field.getValue().asDouble() * (1 + 0.01 * random.nextGaussian()));
                field.setValue(mapper.getNodeFactory().numberNode(decimal(pct)));
            }
        }
        ObjectNode scores = (ObjectNode) assessment.get("scores");
        scores.fields().forEachRemaining(score -> {
            ArrayNode items = (ArrayNode) score.getValue();
            for (int i = 0; i < items.size(); i++) {
                int value = items.get(i).asInt();
                items.set(i, value - (value > 0 && random.nextInt(12) == 0 ? 1 : 0));
            }
        });
        ObjectNode veto = (ObjectNode) assessment.get("veto");
        veto.fieldNames().forEachRemaining(name -> veto.put(name, random.nextInt(200) == 0));
        return assessment;
    }
}
