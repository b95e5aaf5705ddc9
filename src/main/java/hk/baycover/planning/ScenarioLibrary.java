package hk.baycover.planning;

import hk.baycover.model.Scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The care episodes a plan can be run against: the catalog's sourced episodes, overlaid by the user's own — an edited
 * copy of a catalog episode keeps its id and replaces it; a user-added episode has an id of its own.
 */
public final class ScenarioLibrary {

    private final Map<String, Scenario> all = new LinkedHashMap<>();
    private final Set<String> user;
    private final Set<String> catalogIds;

    public ScenarioLibrary(List<Scenario> catalog, List<Scenario> userScenarios) {
        for (Scenario s : catalog) all.put(s.id(), s);
        for (Scenario s : userScenarios) all.put(s.id(), s);
        this.user = userScenarios.stream().map(Scenario::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.catalogIds = catalog.stream().map(Scenario::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public List<Scenario> all() { return new ArrayList<>(all.values()); }

    public Optional<Scenario> find(String id) { return Optional.ofNullable(all.get(id)); }

    /** True when the episode shown is the user's (added, or an edited copy of a catalog episode). */
    public boolean isUser(String id) { return user.contains(id); }

    /** True when the user's episode replaces a sourced catalog episode of the same id. */
    public boolean isEditedCatalogEpisode(String id) { return user.contains(id) && catalogIds.contains(id); }
}
