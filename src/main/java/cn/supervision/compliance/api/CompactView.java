package cn.supervision.compliance.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The compact answer (README, "Compact and full views"): the full result's JSON less what an integrator does not act
 * on. It works on the JSON field names of API.md, not on the result's Java types, so those types may change shape as
 * long as their JSON does not. Everything left out is in {@code ?view=full} and in the trace.
 */
final class CompactView {

    /** What a met indicator keeps: its verdict and value; the rest of the row is the same for every section. */
    private static final List<String> MET_INDICATOR = List.of("code", "value", "threshold", "met");

    private CompactView() {
    }

    /** Rewrites the full result's tree (freshly built for this answer) into the compact one, and returns it. */
    static ObjectNode of(ObjectNode result) {
        result.set("firedRules", onceWithCount(result.path("firedRules")));
        for (JsonNode section : result.path("sections")) {
            ArrayNode indicators = (ArrayNode) section.get("indicators");
            for (int i = 0; i < indicators.size(); i++) {
                if (indicators.get(i).path("met").asBoolean()) {
                    indicators.set(i, ((ObjectNode) indicators.get(i)).retain(MET_INDICATOR));
                }
            }
        }
        if (result.path("assessment").get("details") instanceof ArrayNode details) {
            details.removeIf(detail -> !"FAILED".equals(detail.path("verdict").asText()));
        }
        return result;
    }

    /** Each rule row once, in the order of its first firing, with how many times it fired. */
    private static ArrayNode onceWithCount(JsonNode firings) {
        Map<JsonNode, ObjectNode> rows = new LinkedHashMap<>();
        for (JsonNode firing : firings) {
            ObjectNode row = rows.computeIfAbsent(firing, f -> ((ObjectNode) f).deepCopy().put("count", 0));
            row.put("count", row.get("count").intValue() + 1);
        }
        return JsonNodeFactory.instance.arrayNode().addAll(rows.values());
    }
}
