package hk.baycover.catalog;

import hk.baycover.model.UserError;

import java.util.List;

/** A pack (or several) was rejected; every problem found is listed. Nothing was changed. */
public class PackException extends UserError {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public PackException(List<Problem> problems) {
        super("pack.rejected", problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
