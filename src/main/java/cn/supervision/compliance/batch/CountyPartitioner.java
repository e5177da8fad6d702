package cn.supervision.compliance.batch;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.support.Partitioner;
import org.springframework.batch.item.ExecutionContext;

/**
 * Splits a batch's counties into ranges of positions ({@code from} inclusive, {@code to} exclusive), at most
 * {@code gridSize} of them, of sizes differing by at most one. The same batch always gets the same ranges (Spring
 * Batch keeps the grid size of the first run when it restarts the step).
 */
record CountyPartitioner(int counties) implements Partitioner {

    static final String FROM = "from";
    static final String TO = "to";

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        int partitions = Math.max(1, Math.min(gridSize, counties));
        Map<String, ExecutionContext> ranges = new LinkedHashMap<>();
        for (int i = 0; i < partitions; i++) {
            ExecutionContext range = new ExecutionContext();
            range.putInt(FROM, (int) ((long) counties * i / partitions));
            range.putInt(TO, (int) ((long) counties * (i + 1) / partitions));
            ranges.put("counties" + i, range);
        }
        return ranges;
    }
}
