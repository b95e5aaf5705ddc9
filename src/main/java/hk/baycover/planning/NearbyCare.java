package hk.baycover.planning;

import hk.baycover.i18n.I18n;
import hk.baycover.model.Catalog;
import hk.baycover.model.City;
import hk.baycover.model.ClientProfile;
import hk.baycover.model.Institution;
import hk.baycover.model.Lang;
import hk.baycover.model.LivingPlace;
import hk.baycover.model.Need;
import hk.baycover.model.ShenzhenDistrict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hospitals designated for 港澳藥械通 (Hong Kong registered drugs and devices) nearest the client: those in the
 * client's Shenzhen district first, then the rest of the city where the client gets care. Shown by the Plans screen,
 * {@code plan --json} ("nearby") and the proposal, when the plan involves 港澳藥械通 (a 港澳藥械通 drug or device need, or
 * a care episode with such a line) or the client's district is known.
 *
 * @param city       the city where the client gets care (Shenzhen unless the client lives in another Mainland GBA city)
 * @param district   the client's Shenzhen district, or null when not given
 * @param inDistrict currently designated institutions in that district (an area inside it, such as 前海, counts)
 * @param elsewhere  the other currently designated institutions of the city
 */
public record NearbyCare(City city, ShenzhenDistrict district, List<Institution> inDistrict, List<Institution> elsewhere) {

    public NearbyCare {
        inDistrict = List.copyOf(inDistrict);
        elsewhere = List.copyOf(elsewhere);
    }

    /** The nearby designated institutions for {@code client}, or empty when the client's needs and district do not call for them. */
    public static Optional<NearbyCare> of(ClientProfile client, Catalog catalog) {
        return of(client, catalog, false);
    }

    /** The same for a plan: a care episode with a 港澳藥械通 drug or device line also calls for them. */
    public static Optional<NearbyCare> of(PlanReport report, Catalog catalog) {
        if (report == null) return Optional.empty();
        boolean episodes = report.episodes().stream().flatMap(e -> e.lines().stream())
                .anyMatch(l -> l.line().need() == Need.GBA_DRUG || l.line().need() == Need.GBA_DEVICE);
        return of(report.client(), catalog, episodes);
    }

    private static Optional<NearbyCare> of(ClientProfile client, Catalog catalog, boolean gbaEpisode) {
        if (client == null || catalog == null) return Optional.empty();
        ShenzhenDistrict district = client.livesIn() == LivingPlace.SHENZHEN ? client.district() : null;
        boolean gba = gbaEpisode || client.needs().containsKey(Need.GBA_DRUG) || client.needs().containsKey(Need.GBA_DEVICE);
        if (district == null && !gba) return Optional.empty();
        City city = client.livesIn() == LivingPlace.SHENZHEN ? City.SHENZHEN
                : client.city() != null && client.city().isMainlandGba() ? client.city()
                : client.livesIn() == LivingPlace.OTHER_GBA ? null : City.SHENZHEN;
        if (city == null) return Optional.empty();
        List<Institution> in = new ArrayList<>();
        List<Institution> rest = new ArrayList<>();
        for (Institution i : catalog.institutions()) {
            if (i.city() != city || i.designation() == null || !i.designation().isCurrent()) continue;
            if (district != null && ShenzhenDistrict.of(i.district()).orElse(null) == district) in.add(i);
            else rest.add(i);
        }
        return Optional.of(new NearbyCare(city, city == City.SHENZHEN ? district : null, in, rest));
    }

    /** The lines a client reads, e.g. "在你所住的南山區：深圳前海泰康醫院（前海）" then "深圳其他地區：香港大學深圳醫院（福田區）、…". */
    public List<String> lines(Lang lang) {
        List<String> out = new ArrayList<>();
        String cityName = I18n.enumName(lang, city);
        if (inDistrict.isEmpty() && elsewhere.isEmpty()) {
            out.add(I18n.get(lang, "nearby.none", cityName));
            return out;
        }
        if (district != null) {
            String districtName = I18n.enumName(lang, district);
            out.add(inDistrict.isEmpty() ? I18n.get(lang, "nearby.noneInDistrict", districtName)
                    : I18n.get(lang, "nearby.inDistrict", districtName, names(lang, inDistrict, districtName)));
            if (!elsewhere.isEmpty()) out.add(I18n.get(lang, "nearby.elsewhere", cityName, names(lang, elsewhere, null)));
        } else {
            out.add(I18n.get(lang, "nearby.inCity", cityName, names(lang, elsewhere, null)));
        }
        return out;
    }

    /**
     * An institution's name, with its district (or the area the data names, such as 前海) in brackets when the data
     * gives one that the sentence ({@code shownDistrict}) or the name does not already say.
     */
    public static String name(Lang lang, Institution i, String shownDistrict) {
        String n = i.name().get(lang);
        if (i.district() == null || i.district().isEmpty()) return n;
        String given = i.district().get(lang);
        String area = ShenzhenDistrict.parse(given).map(d -> I18n.enumName(lang, d)).orElse(given);
        if (area == null || area.equals(shownDistrict) || n.contains(area) || n.contains(given)) return n;
        return I18n.get(lang, "nearby.area", n, area);
    }

    private static String names(Lang lang, List<Institution> list, String shownDistrict) {
        List<String> names = new ArrayList<>();
        for (Institution i : list) names.add(name(lang, i, shownDistrict));
        return String.join(I18n.get(lang, "nearby.sep"), names);
    }
}
