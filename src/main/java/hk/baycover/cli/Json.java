package hk.baycover.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import hk.baycover.catalog.CatalogJson;

import java.io.PrintWriter;

/** Prints command results as pretty JSON (UTF-8, stable field order). */
final class Json {
    private Json() {
    }

    static void print(PrintWriter out, Object value) {
        try {
            out.println(CatalogJson.output().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
