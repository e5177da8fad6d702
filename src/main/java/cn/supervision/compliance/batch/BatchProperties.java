package cn.supervision.compliance.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and parallelism of batch evaluation ({@code compliance.batch.*}): at most {@code maxCounties} counties per
 * batch, each line (or zip entry) at most {@code maxLineBytes}; {@code threads} evaluate in parallel (0 = one per
 * processor) and store their results {@code chunkSize} counties per transaction.
 */
@ConfigurationProperties("compliance.batch")
public record BatchProperties(@DefaultValue("5000") int maxCounties, @DefaultValue("8388608") int maxLineBytes,
                              @DefaultValue("0") int threads, @DefaultValue("25") int chunkSize) {

    int workerThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
