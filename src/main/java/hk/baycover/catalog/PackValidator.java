package hk.baycover.catalog;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Benefit;
import hk.baycover.model.Eligibility;
import hk.baycover.model.Stance;
import hk.baycover.model.StanceKind;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.Pack;
import hk.baycover.model.Party;
import hk.baycover.model.PartyRole;
import hk.baycover.model.PreExistingRule;
import hk.baycover.model.PremiumRow;
import hk.baycover.model.PremiumStatus;
import hk.baycover.model.PremiumTable;
import hk.baycover.model.Product;
import hk.baycover.model.Sex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules on bound records that a JSON Schema cannot express (ids, references and names are in {@link TreeChecks}):
 * co-insurance shares summing to 100 %, premium age bands without overlaps or holes, sane age ranges.
 */
final class PackValidator {

    private final String file;
    private final Lang lang;
    private final List<Problem> problems = new ArrayList<>();

    PackValidator(String file, Lang lang) {
        this.file = file;
        this.lang = lang;
    }

    List<Problem> validate(Pack pack) {
        for (int i = 0; i < pack.institutions().size(); i++) {
            Institution in = pack.institutions().get(i);
            if (in.designation() != null && in.designation().removed() != null && in.designation().date() != null
                    && in.designation().removed().compareTo(in.designation().date()) < 0) {
                add("/institutions/" + i + "/designation/removed", "pack.removedBeforeDesignated");
            }
        }
        for (int i = 0; i < pack.products().size(); i++) product(pack.products().get(i), "/products/" + i);
        problems.sort(Pointers.PROBLEMS);
        return problems;
    }

    private void product(Product p, String at) {
        List<Party> parties = p.arrangement().parties();
        if (parties.stream().anyMatch(x -> x.share() != null)) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Party x : parties) {
                if ((x.role() == PartyRole.UNDERWRITER || x.role() == PartyRole.CO_INSURER) && x.share() != null) sum = sum.add(x.share());
            }
            if (sum.compareTo(BigDecimal.valueOf(100)) != 0) add(at + "/arrangement/parties", "pack.sharesNot100", sum.stripTrailingZeros().toPlainString());
        }
        for (int i = 0; i < parties.size(); i++) {
            Party x = parties.get(i);
            if (x.share() != null && x.role() != PartyRole.UNDERWRITER && x.role() != PartyRole.CO_INSURER) {
                add(at + "/arrangement/parties/" + i + "/share", "pack.shareRole", x.role());
            }
        }
        Eligibility e = p.eligibility();
        if (e.preExistingRate() != null && e.preExisting() != PreExistingRule.REDUCED) {
            add(at + "/eligibility/preExistingRate", "pack.rateWithoutReduced", e.preExisting());
        }
        if (e.minEntryAge() != null && e.maxEntryAge() != null && e.minEntryAge() > e.maxEntryAge()) {
            add(at + "/eligibility/maxEntryAge", "pack.ageOrder", e.minEntryAge(), e.maxEntryAge());
        }
        if (e.maxEntryAge() != null && e.maxRenewalAge() != null && e.maxRenewalAge() < e.maxEntryAge()) {
            add(at + "/eligibility/maxRenewalAge", "pack.renewalBeforeEntry", e.maxRenewalAge(), e.maxEntryAge());
        }
        for (int b = 0; b < p.benefits().size(); b++) {
            Benefit ben = p.benefits().get(b);
            if (ben.annualLimit() != null && ben.perEventLimit() != null && ben.annualLimit().currency() == ben.perEventLimit().currency()
                    && ben.perEventLimit().compareTo(ben.annualLimit()) > 0) {
                add(at + "/benefits/" + b + "/perEventLimit", "pack.eventAboveAnnual");
            }
            stance(ben.gbaStance().drugs(), at + "/benefits/" + b + "/gbaStance/drugs");
            stance(ben.gbaStance().devices(), at + "/benefits/" + b + "/gbaStance/devices");
            if (ben.cashAmount() != null && (ben.annualLimit() != null || ben.perEventLimit() != null || ben.coInsurance() != null)) {
                add(at + "/benefits/" + b + "/cashAmount", "pack.cashWithCostTerms");
            }
            java.time.LocalDate prev = null;
            for (int c = 0; c < ben.changes().size(); c++) {
                java.time.LocalDate from = ben.changes().get(c).from();
                if (prev != null && !from.isAfter(prev)) add(at + "/benefits/" + b + "/changes/" + c + "/from", "pack.changesOutOfOrder");
                prev = from;
            }
        }
        premiums(p.premiums(), at + "/premiums");
    }

    private void stance(Stance s, String at) {
        if (!s.items().isEmpty() && s.stance() != StanceKind.LISTED) add(at + "/items", "pack.itemListWithoutListed", s.stance());
    }

    private void premiums(PremiumTable t, String at) {
        java.time.LocalDate previous = null;
        for (int c = 0; c < t.changes().size(); c++) {
            java.time.LocalDate from = t.changes().get(c).from();
            if (previous != null && !from.isAfter(previous)) add(at + "/changes/" + c + "/from", "pack.changesOutOfOrder");
            previous = from;
        }
        if (t.status() != PremiumStatus.TABLE) {
            if (!t.rows().isEmpty()) add(at + "/rows", "pack.rowsWithoutTable", t.status());
            return;
        }
        if (t.currency() == null) add(at + "/currency", "pack.premiumCurrency");
        if (t.rows().isEmpty()) {
            add(at + "/rows", "pack.premiumNoRows");
            return;
        }
        Map<String, List<int[]>> bands = new HashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            PremiumRow r = t.rows().get(i);
            if (r.ageFrom() > r.ageTo()) {
                add(at + "/rows/" + i + "/ageTo", "pack.bandReversed", r.ageFrom(), r.ageTo());
                continue;
            }
            if (r.option() != null && !t.options().isEmpty() && !t.options().contains(r.option())) {
                add(at + "/rows/" + i + "/option", "pack.unknownOption", r.option());
            }
            String key = r.sex() + "|" + r.smoker() + "|" + r.option();
            bands.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {r.ageFrom(), r.ageTo(), i});
        }
        sexBands(t, at);
        for (List<int[]> list : bands.values()) {
            list.sort(Comparator.comparingInt(x -> x[0]));
            for (int i = 1; i < list.size(); i++) {
                int[] prev = list.get(i - 1);
                int[] cur = list.get(i);
                if (cur[0] <= prev[1]) {
                    add(at + "/rows/" + cur[2] + "/ageFrom", "pack.bandOverlap", cur[0], cur[1], prev[0], prev[1]);
                } else if (cur[0] > prev[1] + 1) {
                    add(at + "/rows/" + cur[2] + "/ageFrom", "pack.bandGap", prev[1] + 1, cur[0] - 1);
                }
            }
        }
    }

    /**
     * Within one smoker status and plan option: a row for "either sex" must not share ages with a row for one sex (the
     * premium would be ambiguous), and rows by sex must cover the same ages for both sexes (otherwise one sex has
     * missing bands).
     */
    private void sexBands(PremiumTable t, String at) {
        Map<String, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            PremiumRow r = t.rows().get(i);
            if (r.ageFrom() > r.ageTo()) continue;
            groups.computeIfAbsent(r.smoker() + "|" + r.option(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> idx : groups.values()) {
            java.util.BitSet any = new java.util.BitSet();
            java.util.BitSet female = new java.util.BitSet();
            java.util.BitSet male = new java.util.BitSet();
            for (int i : idx) {
                PremiumRow r = t.rows().get(i);
                (r.sex() == null ? any : r.sex() == Sex.F ? female : male).set(r.ageFrom(), r.ageTo() + 1);
            }
            for (int i : idx) {
                PremiumRow r = t.rows().get(i);
                if (r.sex() == null) continue;
                java.util.BitSet mine = new java.util.BitSet();
                mine.set(r.ageFrom(), r.ageTo() + 1);
                mine.and(any);
                if (!mine.isEmpty()) {
                    add(at + "/rows/" + i + "/sex", "pack.bandAmbiguous", r.ageFrom(), r.ageTo(), r.sex());
                }
            }
            if (!female.isEmpty() && !male.isEmpty() && !female.equals(male)) {
                Sex missing = female.cardinality() < male.cardinality() ? Sex.F : Sex.M;
                java.util.BitSet lack = (java.util.BitSet) (missing == Sex.F ? male : female).clone();
                lack.andNot(missing == Sex.F ? female : male);
                if (lack.isEmpty()) {
                    missing = missing == Sex.F ? Sex.M : Sex.F;
                    lack = (java.util.BitSet) (missing == Sex.F ? male : female).clone();
                    lack.andNot(missing == Sex.F ? female : male);
                }
                int from = lack.nextSetBit(0);
                int to = lack.nextClearBit(from) - 1;
                add(at + "/rows", "pack.bandMissingSex", from, to, missing);
            }
        }
    }

    private void add(String pointer, String key, Object... args) {
        problems.add(new Problem(file, pointer, I18n.get(lang, key, args)));
    }

}
