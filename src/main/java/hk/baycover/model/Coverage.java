package hk.baycover.model;

import java.util.List;

/** How a product covers one need in one place, with the rules that decided it and the benefit used (if any). */
public record Coverage(String productId, Need need, Region place, CoverageLevel level, Benefit benefit, List<Reason> rules) {
    public Coverage {
        rules = List.copyOf(rules);
    }
}
