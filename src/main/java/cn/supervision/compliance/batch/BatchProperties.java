package cn.supervision.compliance.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and parallelism of batch evaluation ({@code compliance.batch.*}): at most {@code maxCounties} counties per
 * batch, each line (or zip entry) at most {@code maxLineBytes}. A batch is split into {@code partitions} ranges of
 * counties; each instance runs {@code threads} partitions at once (0 = one per processor), storing {@code chunkSize}
 * counties per transaction. Instances look for partitions and jobs every {@code pollInterval}; a running partition
 * whose last commit is older than {@code staleAfter} is taken for one whose instance has stopped.
 */
@ConfigurationProperties("compliance.batch")
public record BatchProperties(@DefaultValue("5000") int maxCounties, @DefaultValue("8388608") int maxLineBytes,
                              @DefaultValue("0") int threads, @DefaultValue("25") int chunkSize,
                              @DefaultValue("16") int partitions, @DefaultValue("1s") Duration pollInterval,
                              @DefaultValue("60s") Duration staleAfter) {

    int workerThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
