package hk.baycover.gaps;

import hk.baycover.model.ClientProfile;
import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.Currency;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.FxRate;
import hk.baycover.model.FxTable;
import hk.baycover.model.Money;
import hk.baycover.model.Need;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.Product;
import hk.baycover.model.ProgressMonitor;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;
import hk.baycover.model.Sex;
import hk.baycover.model.UserError;
import hk.baycover.planning.CoverageEvaluator;
import hk.baycover.planning.EligibilityChecker;
import hk.baycover.planning.PremiumCalculator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the gap matrix from the shared planning rules: {@link EligibilityChecker} decides who may join,
 * {@link CoverageEvaluator} how well a product pays for a need where the segment gets care, {@link PremiumCalculator}
 * what it costs. Nothing here re-decides eligibility or coverage; this class only asks the right questions (which ages
 * of a band, which care region) and aggregates the answers.
 *
 * <p>Ages (ADR 0040): a band's eligibility and premium can only change at the ages where a product's rules change
 * (entry ages, renewal age, premium band edges), so the engine asks the checker at the band's first age and at every
 * such edge inside the band. {@link #evaluate(Product, boolean, boolean)} with {@code everyAge} asks at every integer
 * age instead; a test checks both give the same matrix.
 */
public final class GapEngine {

    private final SegmentConfig config;
    private final List<Segment> segments;
    private final List<Need> needs;
    private final List<Region> regions;
    private final int[] segmentRegion;
    private final EligibilityChecker checker;
    private final CoverageEvaluator evaluator;
    private final PremiumCalculator calculator = new PremiumCalculator();
    private final FxTable fx;
    private final ClientProfile[][] profiles;

    public GapEngine(SegmentConfig config, LocalDate today, FxTable fx) {
        this.config = config;
        this.segments = config.segments();
        this.needs = config.needs();
        this.regions = config.careRegions();
        this.segmentRegion = new int[segments.size()];
        for (Segment s : segments) segmentRegion[s.index()] = regions.indexOf(s.careRegion());
        this.checker = new EligibilityChecker(today);
        this.evaluator = new CoverageEvaluator(today);
        this.fx = fx;
        this.profiles = new ClientProfile[segments.size()][131];
    }

    public SegmentConfig config() { return config; }

    public List<Segment> segments() { return segments; }

    public List<Need> needs() { return needs; }

    public List<Region> regions() { return regions; }

    public LocalDate today() { return checker.today(); }

    public FxTable fx() { return fx; }

    int regionOf(int segment) { return segmentRegion[segment]; }

    /** The full matrix over {@code products} (evaluated in parallel; cancellable). */
    public GapMatrix matrix(List<Product> products, ProgressMonitor monitor) {
        return aggregate(evaluateAll(products, false, monitor));
    }

    public List<ProductResult> evaluateAll(List<Product> products, boolean drafts, ProgressMonitor monitor) {
        AtomicLong done = new AtomicLong();
        int total = products.size();
        return products.parallelStream().map(p -> {
            monitor.checkCancelled();
            ProductResult r = evaluate(p, drafts);
            long n = done.incrementAndGet();
            if (n % 50 == 0 || n == total) monitor.progress(n, total, null);
            return r;
        }).toList();
    }

    /** Aggregates per-product results into a matrix (the base: catalog products only, or with drafts). */
    public GapMatrix aggregate(List<ProductResult> results) {
        return GapMatrix.of(this, results);
    }

    public ProductResult evaluate(Product p, boolean draft) {
        return evaluate(p, draft, false);
    }

    /** Evaluates one product for every segment and need. */
    public ProductResult evaluate(Product p, boolean draft, boolean everyAge) {
        int nS = segments.size();
        int nN = needs.size();
        Coverage[][] coverage = new Coverage[regions.size()][nN];
        for (int r = 0; r < regions.size(); r++) {
            for (int n = 0; n < nN; n++) coverage[r][n] = evaluator.coverage(p, needs.get(n), regions.get(r));
        }
        boolean[] regionMatters = new boolean[regions.size()];
        for (int r = 0; r < regions.size(); r++) {
            for (int n = 0; n < nN; n++) if (coverage[r][n].level() != CoverageLevel.NONE) regionMatters[r] = true;
        }
        Map<Integer, PremiumPick> quotes = new HashMap<>();
        Map<Integer, int[]> agesByBand = new HashMap<>();
        Map<Integer, int[]> premiumAgesByBand = new HashMap<>();
        SegmentVerdict[] verdicts = new SegmentVerdict[nS];
        PremiumPick[] premiums = new PremiumPick[nS];
        byte[] levels = new byte[nS * nN];
        byte[] groups = new byte[nS * nN];
        for (Segment s : segments) {
            int region = segmentRegion[s.index()];
            SegmentVerdict v = null;
            if (regionMatters[region]) {
                // only ask who may join where the product pays for something; elsewhere every cell fails on coverage
                // first, and the verdict is worked out only if a cell's detail asks for it (ProductResult.verdict)
                int[] ages = agesByBand.computeIfAbsent(s.bandIndex(), b -> everyAge ? everyAge(s.band()) : eligibilityEdges(p, s.band()));
                v = verdict(p, s, ages);
                verdicts[s.index()] = v;
                if (v.eligible()) {
                    int[] premiumAges = premiumAgesByBand.computeIfAbsent(s.bandIndex(), b -> everyAge ? ages : premiumEdges(p, s.band(), ages));
                    premiums[s.index()] = cheapest(p, v, quotes, premiumAges);
                }
            }
            for (int n = 0; n < nN; n++) {
                int cell = s.index() * nN + n;
                Coverage c = coverage[region][n];
                ReasonGroup g = null;
                CoverageLevel level = c.level();
                if (level == CoverageLevel.NONE || level == CoverageLevel.CASH) {
                    g = coverGroup(c);
                    level = CoverageLevel.NONE;
                } else if (!v.eligible()) {
                    g = v.result() != null && v.result().status() == hk.baycover.model.EligibilityStatus.UNCONFIRMED
                            ? ReasonGroup.UNCONFIRMED : eligibilityGroup(v.blocking());
                    level = CoverageLevel.NONE;
                } else if (level == CoverageLevel.FULL && v.caveat()) {
                    level = CoverageLevel.PARTIAL;
                }
                levels[cell] = (byte) GapMatrix.code(level);
                groups[cell] = (byte) (g == null ? -1 : g.ordinal());
            }
        }
        return new ProductResult(this, p, draft, verdicts, coverage, premiums, levels, groups, nN, everyAge);
    }

    /** The verdict for a segment that {@link #evaluate} skipped (the product pays for nothing where it gets care). */
    SegmentVerdict verdict(Product p, int segment, boolean everyAge) {
        Segment s = segments.get(segment);
        return verdict(p, s, everyAge ? everyAge(s.band()) : eligibilityEdges(p, s.band()));
    }

    private SegmentVerdict verdict(Product p, Segment s, int[] ages) {
        EligibilityResult firstBlocked = null;
        EligibilityResult firstEligible = null;
        boolean caveat = false;
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < ages.length; i++) {
            int age = ages[i];
            int until = i + 1 < ages.length ? ages[i + 1] - 1 : s.band().to();
            EligibilityResult r = checker.check(p, profile(s, age));
            if (r.eligible()) {
                if (firstEligible == null) firstEligible = r;
                if (r.reasons().stream().anyMatch(x -> x.severity() == Reason.Severity.WARN)) caveat = true;
                if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == age - 1) ranges.get(ranges.size() - 1)[1] = until;
                else ranges.add(new int[] {age, until});
            } else if (firstBlocked == null) {
                firstBlocked = r;
            }
        }
        boolean eligible = config.agePolicy() == AgePolicy.ALL_AGES ? firstBlocked == null : firstEligible != null;
        EligibilityResult decisive = eligible ? firstEligible : firstBlocked;
        return new SegmentVerdict(eligible, decisive, ranges, eligible && caveat);
    }

    /** The lowest known premium over the eligible ages of the band, either sex, in the matrix currency. */
    private PremiumPick cheapest(Product p, SegmentVerdict v, Map<Integer, PremiumPick> quotes, int[] ages) {
        PremiumPick best = null;
        PremiumPick firstUnknown = null;
        for (int age : ages) {
            if (v.eligibleAges().stream().noneMatch(r -> age >= r[0] && age <= r[1])) continue;
            PremiumPick q = quotes.computeIfAbsent(age, a -> quote(p, a));
            if (q.known()) {
                if (best == null || q.annual().compareTo(best.annual()) < 0) best = q;
            } else if (firstUnknown == null) {
                firstUnknown = q;
            }
        }
        return best != null ? best : firstUnknown;
    }

    private PremiumPick quote(Product p, int age) {
        PremiumPick best = null;
        PremiumCalculator.Quote unknown = null;
        for (Sex sex : Sex.values()) {
            PremiumCalculator.Quote q = calculator.table(p, age, checker.today(), sex, Boolean.FALSE, null);
            if (q.annual().isEmpty()) {
                if (unknown == null) unknown = q;
                continue;
            }
            Money original = q.annual().get();
            Money converted;
            try {
                converted = fx.convert(original, config.currency());
            } catch (UserError e) {
                if (unknown == null) unknown = q;
                continue;
            }
            PremiumPick pick = new PremiumPick(p.id(), converted.rounded(), original, age, sex, q.sample() || p.sample(),
                    fxSample(original.currency(), config.currency()), q.reason());
            if (best == null || pick.annual().compareTo(best.annual()) < 0) best = pick;
        }
        if (best != null) return best;
        return PremiumPick.unknown(p.id(), age, unknown == null ? Reason.warn("premium.notPublished") : unknown.reason());
    }

    /** True when converting {@code from} into {@code to} uses an illustrative (sample) rate, directly or through HKD. */
    private boolean fxSample(Currency from, Currency to) {
        if (from == to) return false;
        FxRate direct = rate(from, to);
        if (direct != null) return direct.sample();
        FxRate a = rate(from, Currency.HKD);
        FxRate b = rate(Currency.HKD, to);
        return (a != null && a.sample()) || (b != null && b.sample());
    }

    private FxRate rate(Currency x, Currency y) {
        if (x == y) return null;
        for (FxRate r : fx.rates()) {
            if ((r.from() == x && r.to() == y) || (r.from() == y && r.to() == x)) return r;
        }
        return null;
    }

    /** The band's first age and every age inside it where the product's entry or renewal age rules change. */
    static int[] eligibilityEdges(Product p, AgeBand band) {
        TreeSet<Integer> ages = new TreeSet<>();
        ages.add(band.from());
        var e = p.eligibility();
        addEdge(ages, band, e.minEntryAge());
        addEdge(ages, band, e.maxEntryAge() == null ? null : e.maxEntryAge() + 1);
        addEdge(ages, band, e.maxRenewalAge() == null ? null : e.maxRenewalAge() + 1);
        return ages.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The eligibility edges plus every age inside the band where a premium row starts or ends. */
    static int[] premiumEdges(Product p, AgeBand band, int[] eligibilityEdges) {
        TreeSet<Integer> ages = new TreeSet<>();
        for (int a : eligibilityEdges) ages.add(a);
        for (PremiumRow r : p.premiums().rows()) {
            addEdge(ages, band, r.ageFrom());
            addEdge(ages, band, r.ageTo() + 1);
        }
        return ages.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Representative clients are immutable: built once per segment and age, shared by every product. */
    private ClientProfile profile(Segment s, int age) {
        ClientProfile[] row = profiles[s.index()];
        if (age >= row.length) return s.profile(age);
        ClientProfile p = row[age];
        if (p == null) {
            p = s.profile(age);
            row[age] = p;
        }
        return p;
    }

    private static void addEdge(TreeSet<Integer> ages, AgeBand band, Integer age) {
        if (age != null && age > band.from() && age <= band.to()) ages.add(age);
    }

    static int[] everyAge(AgeBand band) {
        int[] out = new int[band.to() - band.from() + 1];
        for (int i = 0; i < out.length; i++) out[i] = band.from() + i;
        return out;
    }

    static ReasonGroup coverGroup(Coverage c) {
        if (c.level() == CoverageLevel.CASH) return ReasonGroup.CASH_ONLY;
        for (Reason r : c.rules()) {
            if (r.key().equals("cover.gbaNotStated")) return ReasonGroup.GBA_NOT_STATED;
            if (!r.blocks()) continue;
            switch (r.key()) {
                case "cover.noBenefit": return ReasonGroup.NO_BENEFIT;
                case "cover.notInRegion": return ReasonGroup.NOT_IN_REGION;
                case "cover.gbaItemsNone": return ReasonGroup.GBA_ITEMS_NOT_COVERED;
                case "cover.ended": return ReasonGroup.SCHEME_PERIOD;
                default: return ReasonGroup.OTHER;
            }
        }
        return ReasonGroup.OTHER;
    }

    static ReasonGroup eligibilityGroup(List<Reason> blocking) {
        ReasonGroup best = null;
        for (Reason r : blocking) {
            ReasonGroup g = groupOf(r);
            if (best == null || g.ordinal() < best.ordinal()) best = g;
        }
        return best == null ? ReasonGroup.OTHER : best;
    }

    static ReasonGroup groupOf(Reason r) {
        String k = r.key();
        if (k.equals("elig.tooYoung") || k.equals("elig.tooOld") || k.equals("elig.pastRenewal")) return ReasonGroup.INELIGIBLE_AGE;
        if (k.equals("elig.ended") || k.equals("elig.notStarted")) return ReasonGroup.SCHEME_PERIOD;
        if (k.startsWith("elig.excludes.") || k.equals("elig.alternativeHeld")) return ReasonGroup.INELIGIBLE_REQUIREMENT;
        if (k.startsWith("elig.requires.")) {
            switch (k.substring("elig.requires.".length())) {
                case "HK_RESIDENT": case "HK_PERMANENT_RESIDENT": case "LIVES_IN_HK": case "LIVES_IN_GUANGDONG":
                case "LIVES_IN_SHENZHEN": case "MAINLAND_RESIDENCE_PERMIT":
                    return ReasonGroup.INELIGIBLE_RESIDENCY;
                default:
                    return ReasonGroup.INELIGIBLE_REQUIREMENT;
            }
        }
        return ReasonGroup.OTHER;
    }
}
