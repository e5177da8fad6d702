package cn.supervision.compliance.system;

import java.util.Map;

/**
 * The jurisdiction tree as the active rule sets define it (their 管辖区域 sheets, merged): each node's parent and its
 * 行政区划代码 prefix (GB/T 2260). Implemented where the rule sets are read; {@link AccountScope} answers scope
 * questions over it.
 */
public interface JurisdictionNodes {

    /** Every known node by its code. */
    Map<String, Node> nodes();

    /** {@code parent} is null for the root; {@code divisionPrefix} is null for a node no division code falls under. */
    record Node(String code, String parent, String divisionPrefix) {
    }
}
