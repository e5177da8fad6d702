package cn.supervision.compliance.balanced;

/**
 * What a balanced-development request asks to be assessed (seed 001): the resource allocation of the county's schools
 * (the seven indicators and their CVs, §二), or the whole 36-indicator assessment that ends in a recognition decision.
 */
public enum AssessmentScope {
    RESOURCE_ALLOCATION, FULL_ASSESSMENT
}
