package cn.supervision.compliance.batch;

/** One county of a batch as stored: its place in the batch, where it came from ("line 12") and its JSON text. */
record CountyLine(int position, String source, String text) {
}
