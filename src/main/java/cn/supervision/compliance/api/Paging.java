package cn.supervision.compliance.api;

import cn.supervision.compliance.facts.InvalidInput;

/** A page asked for in a listing's query ({@code page} from 0, {@code size} at most 200): refused naming the field. */
record Paging(int page, int size) {

    static final int MAX_SIZE = 200;

    Paging {
        if (page < 0) {
            throw InvalidInput.of("page", "input.not-negative");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw InvalidInput.of("size", "input.between", 1, MAX_SIZE);
        }
    }
}
