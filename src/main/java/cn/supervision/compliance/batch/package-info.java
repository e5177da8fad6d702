/**
 * Jobs over many counties on Spring Batch: stored input, partitions over the instances, progress and summary.
 */
@ApplicationModule(displayName = "Batch evaluation")
package cn.supervision.compliance.batch;

import org.springframework.modulith.ApplicationModule;
