package dev.warden.admin;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 CSV: comma-separated, double quotes around fields that hold commas, quotes ({@code ""}) or line breaks,
 * CRLF or LF line ends, an optional byte order mark. Each record remembers the line it starts on, for reports.
 */
final class CsvReader {

    /**
     * @param line the 1-based line the record starts on
     * @param problem why the record could not be read (an unterminated quote, text after a closing quote)
     */
    record Record(int line, List<String> fields, @Nullable String problem) {
        boolean blank() {
            return problem == null && fields.size() == 1 && fields.getFirst().isBlank();
        }
    }

    private CsvReader() {}

    static List<Record> read(String text) {
        var records = new ArrayList<Record>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        while (i < text.length()) {
            int start = line;
            var fields = new ArrayList<String>();
            var field = new StringBuilder();
            String problem = null;
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean end = false;
            while (i < text.length() && !end) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < text.length() && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    end = true;
                } else if (wasQuoted) {
                    problem = "unexpected text after a closing quote";
                    field.append(c);
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                problem = "a quoted field is not closed";
            }
            fields.add(field.toString());
            records.add(new Record(start, List.copyOf(fields), problem));
        }
        return records;
    }
}
