package hk.baycover.gaps;

import hk.baycover.model.UserError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An age band of a client segment, ages {@code from}..{@code to} inclusive. An open band ("85+") has {@code open}
 * set and is evaluated up to {@link SegmentConfig#openEndAge()}.
 */
public record AgeBand(int from, int to, boolean open) {

    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,3})\\s*[-–]\\s*(\\d{1,3})\\s*");
    private static final Pattern OPEN = Pattern.compile("\\s*(\\d{1,3})\\s*\\+\\s*");

    public AgeBand {
        if (from < 0 || to < from || to > 130) throw new UserError("gaps.config.badBand", from + "-" + to);
    }

    public static AgeBand of(int from, int to) { return new AgeBand(from, to, false); }

    /** "0-17", "18–39" or "85+" (an open band ends at {@code openEnd}). */
    public static AgeBand parse(String text, int openEnd) {
        Matcher m = RANGE.matcher(text);
        if (m.matches()) return new AgeBand(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), false);
        m = OPEN.matcher(text);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            if (from > openEnd) throw new UserError("gaps.config.badBand", text);
            return new AgeBand(from, openEnd, true);
        }
        throw new UserError("gaps.config.badBand", text);
    }

    public boolean contains(int age) { return age >= from && age <= to; }

    /** "18–39" or "85+". */
    public String label() { return open ? from + "+" : from + "–" + to; }

    /** ASCII form for ids and files: "18-39" or "85+". */
    public String code() { return open ? from + "+" : from + "-" + to; }
}
