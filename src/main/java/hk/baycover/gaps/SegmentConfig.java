package hk.baycover.gaps;

import com.fasterxml.jackson.core.JsonProcessingException;
import hk.baycover.catalog.CatalogJson;
import hk.baycover.catalog.JsonErrors;
import hk.baycover.i18n.I18n;
import hk.baycover.io.BoundedInput;
import hk.baycover.io.IoErrors;
import hk.baycover.model.Lang;
import hk.baycover.model.Currency;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Need;
import hk.baycover.model.UserError;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which client segments and needs the gap matrix spans: age bands × where the client lives × Shenzhen medical
 * insurance (enrolled or not) × declared conditions, and the needs as columns. Also the age policy (ADR 0040), the
 * currency premiums are compared in, the last age an open band ("85+") reaches, and whether Hong Kong residents who
 * live in the Mainland are taken to hold the Mainland residence permit for Hong Kong and Macao residents.
 */
public record SegmentConfig(
        List<AgeBand> bands,
        List<LivingPlace> livesIn,
        List<Boolean> szMedicalInsurance,
        List<ConditionClass> conditions,
        List<Need> needs,
        AgePolicy agePolicy,
        Currency currency,
        int openEndAge,
        boolean residencePermitWhenLivingNorth) {

    public static final int DEFAULT_OPEN_END = 99;

    public SegmentConfig {
        bands = List.copyOf(bands);
        livesIn = List.copyOf(livesIn);
        szMedicalInsurance = List.copyOf(szMedicalInsurance);
        conditions = List.copyOf(conditions);
        needs = List.copyOf(needs);
        agePolicy = agePolicy == null ? AgePolicy.ALL_AGES : agePolicy;
        currency = currency == null ? Currency.HKD : currency;
        if (bands.isEmpty()) throw new UserError("gaps.config.empty", "bands");
        if (livesIn.isEmpty()) throw new UserError("gaps.config.empty", "livesIn");
        if (szMedicalInsurance.isEmpty()) throw new UserError("gaps.config.empty", "szMedicalInsurance");
        if (conditions.isEmpty()) throw new UserError("gaps.config.empty", "conditions");
        if (needs.isEmpty()) throw new UserError("gaps.config.empty", "needs");
        if (livesIn.contains(LivingPlace.OTHER)) throw new UserError("gaps.config.place", LivingPlace.OTHER);
        for (int i = 1; i < bands.size(); i++) {
            if (bands.get(i).from() <= bands.get(i - 1).to()) throw new UserError("gaps.config.bandOrder", bands.get(i - 1).label(), bands.get(i).label());
        }
        if (new HashSet<>(livesIn).size() != livesIn.size() || new HashSet<>(szMedicalInsurance).size() != szMedicalInsurance.size()
                || new HashSet<>(conditions).size() != conditions.size() || new HashSet<>(needs).size() != needs.size()) {
            throw new UserError("gaps.config.duplicate");
        }
    }

    /** The segments of the issue: 7 age bands × 3 places × enrolled or not × 3 condition classes (126), all 16 needs. */
    public static SegmentConfig defaults() {
        return new SegmentConfig(
                List.of(AgeBand.of(0, 17), AgeBand.of(18, 39), AgeBand.of(40, 54), AgeBand.of(55, 64), AgeBand.of(65, 74),
                        AgeBand.of(75, 84), new AgeBand(85, DEFAULT_OPEN_END, true)),
                List.of(LivingPlace.HONG_KONG, LivingPlace.SHENZHEN, LivingPlace.OTHER_GBA),
                List.of(false, true),
                List.of(ConditionClass.values()),
                List.of(Need.values()),
                AgePolicy.ALL_AGES, Currency.HKD, DEFAULT_OPEN_END, true);
    }

    public SegmentConfig withNeeds(List<Need> list) {
        return new SegmentConfig(bands, livesIn, szMedicalInsurance, conditions, list, agePolicy, currency, openEndAge, residencePermitWhenLivingNorth);
    }

    public SegmentConfig withAgePolicy(AgePolicy policy) {
        return new SegmentConfig(bands, livesIn, szMedicalInsurance, conditions, needs, policy, currency, openEndAge, residencePermitWhenLivingNorth);
    }

    public SegmentConfig withDimensions(List<AgeBand> b, List<LivingPlace> places, List<Boolean> sz, List<ConditionClass> conds) {
        return new SegmentConfig(b, places, sz, conds, needs, agePolicy, currency, openEndAge, residencePermitWhenLivingNorth);
    }

    /** Every segment, in row order: band, then place, then insurance, then conditions. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (int b = 0; b < bands.size(); b++) {
            for (LivingPlace p : livesIn) {
                for (Boolean sz : szMedicalInsurance) {
                    for (ConditionClass c : conditions) {
                        out.add(new Segment(out.size(), b, bands.get(b), p, sz, c, residencePermitWhenLivingNorth));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** The JSON shape of a config file ({@code gaps --config FILE}); absent fields keep the defaults. */
    record File(List<String> bands, List<LivingPlace> livesIn, List<Boolean> szMedicalInsurance, List<ConditionClass> conditions,
                List<Need> needs, AgePolicy agePolicy, Currency currency, Integer openEndAge, Boolean residencePermitWhenLivingNorth) {
    }

    /** Largest config file read. */
    public static final long MAX_BYTES = 1024 * 1024;

    /** Reads a config file; a problem is reported as {@code FILE:POINTER: message}. */
    public static SegmentConfig read(Path path) {
        return read(path, Lang.EN);
    }

    /** Reads a config file (at most {@link #MAX_BYTES}); problems are worded in {@code lang}. */
    public static SegmentConfig read(Path path, Lang lang) {
        String text;
        try {
            byte[] bytes = BoundedInput.readAll(path, MAX_BYTES);
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (BoundedInput.TooLarge e) {
            throw new UserError("gaps.config.tooLarge", path, e.limitMb());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UserError("gaps.config.invalid", path, "", I18n.get(lang, "pack.notUtf8"));
        } catch (NoSuchFileException e) {
            throw new UserError("gaps.config.noFile", path);
        } catch (IOException e) {
            throw new UserError(e, "gaps.config.unreadable", path, IoErrors.reason(e));
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        File f;
        try {
            f = CatalogJson.mapper().readValue(text, File.class);
        } catch (JsonProcessingException e) {
            String where = JsonErrors.where(e);
            throw new UserError("gaps.config.invalid", path, where.isEmpty() ? "/" : where, JsonErrors.reason(lang, e));
        }
        if (f == null) throw new UserError("gaps.config.invalid", path, "/", I18n.get(lang, "pack.empty"));
        SegmentConfig d = defaults();
        int openEnd = f.openEndAge() == null ? d.openEndAge() : f.openEndAge();
        List<AgeBand> bands = d.bands();
        if (f.bands() != null) {
            bands = new ArrayList<>();
            for (int i = 0; i < f.bands().size(); i++) {
                try {
                    bands.add(AgeBand.parse(f.bands().get(i), openEnd));
                } catch (UserError e) {
                    throw new UserError("gaps.config.invalid", path, "/bands/" + i, I18n.message(lang, e));
                }
            }
        }
        try {
            return new SegmentConfig(bands,
                    f.livesIn() == null ? d.livesIn() : f.livesIn(),
                    f.szMedicalInsurance() == null ? d.szMedicalInsurance() : f.szMedicalInsurance(),
                    f.conditions() == null ? d.conditions() : f.conditions(),
                    f.needs() == null ? d.needs() : f.needs(),
                    f.agePolicy() == null ? d.agePolicy() : f.agePolicy(),
                    f.currency() == null ? d.currency() : f.currency(),
                    openEnd,
                    f.residencePermitWhenLivingNorth() == null ? d.residencePermitWhenLivingNorth() : f.residencePermitWhenLivingNorth());
        } catch (UserError e) {
            throw new UserError("gaps.config.invalid", path, "/", I18n.message(lang, e));
        }
    }

    /** Distinct places where the segments get care, in first-seen order (coverage is evaluated once per place). */
    public List<hk.baycover.model.Region> careRegions() {
        Set<hk.baycover.model.Region> seen = new java.util.LinkedHashSet<>();
        for (LivingPlace p : livesIn) seen.add(p.careRegion());
        return List.copyOf(seen);
    }
}
