package cn.supervision.compliance.ruleset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The free text of a rule-set version's workbooks (names, measures, departments, units, sources, hint texts), read as
 * data and kept out of every compiler. The compiled rules hold only the number of a text, printed by the loader; a
 * session reaches the text through the global {@code texts} ({@code texts.at(17)}), so what a policy editor typed is
 * handed to the program as a value, never as code.
 */
public final class RowCatalogue {

    /** The name of the global through which the rules read this catalogue. */
    public static final String GLOBAL = "texts";

    /** One text cell: where it is, the label of its column and the text exactly as it was typed. */
    public record Entry(String workbook, String sheet, String cell, int row, String column, String text) {
    }

    private final List<Entry> entries;

    private RowCatalogue(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static RowCatalogue empty() {
        return new RowCatalogue(List.of());
    }

    /** The catalogue of these entries, numbered in their order (as a cached rule base stored them). */
    static RowCatalogue of(List<Entry> entries) {
        return new RowCatalogue(entries);
    }

    /** The text of number {@code id}, as typed. */
    public String at(int id) {
        if (id < 0 || id >= entries.size()) {
            throw new IllegalArgumentException("the rule base names text " + id + ", which its catalogue does not hold");
        }
        return entries.get(id).text();
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The text written in one row under one column label, for a trace or a listing. */
    public Optional<String> text(String workbook, String sheet, int row, String column) {
        return entries.stream()
                .filter(e -> e.row() == row && e.column().equals(column) && e.sheet().equals(sheet)
                        && e.workbook().equals(workbook))
                .map(Entry::text).findFirst();
    }

    /** Collects the texts of one version's workbooks; numbers them in the order they are read. */
    static final class Builder {

        private final List<Entry> entries = new ArrayList<>();

        int add(Entry entry) {
            entries.add(entry);
            return entries.size() - 1;
        }

        RowCatalogue build() {
            return new RowCatalogue(entries);
        }
    }
}
