package hk.baycover.planning;

import hk.baycover.model.ClientProfile;
import hk.baycover.model.Coverage;
import hk.baycover.model.CoverageLevel;
import hk.baycover.model.EligibilityResult;
import hk.baycover.model.Need;
import hk.baycover.model.PartialDate;
import hk.baycover.model.Priority;
import hk.baycover.model.Product;
import hk.baycover.model.Reason;
import hk.baycover.model.Region;
import hk.baycover.model.Source;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything derived from a client and a plan, computed once and shown by the screen, the CLI JSON and the PDF alike:
 * eligibility for every product, the plan by layer (with the public schemes the client is already enrolled in, which
 * are facts of the profile rather than products to buy: {@code enrolled}), the premium projection, coverage per need with the deciding rule,
 * the adjudicated episodes, the gaps left, and where every figure came from.
 */
public record PlanReport(
        ClientProfile client,
        Plan plan,
        LocalDate today,
        Region careRegion,
        List<EligibilityResult> eligibility,
        List<Product> layered,
        List<String> enrolled,
        List<String> missingProducts,
        PremiumProjection.Result projection,
        List<NeedCover> coverage,
        List<Adjudicator.EpisodeResult> episodes,
        List<Gap> gaps,
        List<SourceRef> sources,
        PartialDate datasetAsOf) {

    public PlanReport {
        eligibility = List.copyOf(eligibility);
        layered = List.copyOf(layered);
        enrolled = List.copyOf(enrolled);
        missingProducts = List.copyOf(missingProducts);
        coverage = List.copyOf(coverage);
        episodes = List.copyOf(episodes);
        gaps = List.copyOf(gaps);
        sources = List.copyOf(sources);
    }

    /**
     * How the plan covers one need where the client gets care: the best level over the plan's eligible products, the
     * product and rules that decide it, every product's own verdict, and the last policy year the cover runs when it
     * ends inside the horizon (a renewal age).
     */
    public record NeedCover(Need need, Priority priority, CoverageLevel level, String decidingProduct, List<Reason> rules,
                            List<Coverage> perProduct, Integer coverEndsAfterYear) {
        public NeedCover {
            rules = List.copyOf(rules);
            perProduct = List.copyOf(perProduct);
        }
    }

    /** A need the plan leaves open or only partly covered, or an episode that leaves a large bill. */
    public record Gap(Need need, Priority priority, CoverageLevel level, Reason reason) {
    }

    /** A record the report relies on, with its sources, as-of date and whether its figures are samples. */
    public record SourceRef(String kind, String id, String name, List<Source> sources, PartialDate asOf, boolean sample) {
        public SourceRef {
            sources = List.copyOf(sources);
        }
    }

    public boolean anySample() {
        return sources.stream().anyMatch(SourceRef::sample) || projection.sample();
    }

    public EligibilityResult eligibilityOf(String productId) {
        return eligibility.stream().filter(e -> e.productId().equals(productId)).findFirst().orElse(null);
    }
}
