package ma.essp.diag.reporting.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties over seeded random answers on the starter catalogue (plain loops, fixed seeds: reproducible). */
class ReadinessPropertiesTest {

    private static ReadinessData catalogue;

    @BeforeAll
    static void loadCatalogue(@TempDir Path dir) throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("empty.essp"))) {
            catalogue = new ReadinessDataRepository(mission.dsl()).load();
        }
    }

    private static final AnswerState[] STATES = AnswerState.values();
    private static final String[] CATEGORIES = {"DR", "CSR-1", "CSR-2", "CSU-1", "CSU-2", "CSC", "UMM"};

    /** n ESSPs in a few circonscriptions of province 1 with random answers, services and populations. */
    static ReadinessData randomMission(long seed, int n) {
        Random random = new Random(seed);
        List<ReadinessData.Essp> essps = new ArrayList<>();
        List<ReadinessData.Assessment> assessments = new ArrayList<>();
        List<ReadinessData.Circonscription> circonscriptions = List.of(
                new ReadinessData.Circonscription(1, 1, "C1", "C1", "rural"),
                new ReadinessData.Circonscription(2, 1, "C2", "C2", "urban"));
        for (int i = 1; i <= n; i++) {
            int circ = 1 + random.nextInt(2);
            essps.add(new ReadinessData.Essp(i, "E" + i, "E" + i, CATEGORIES[random.nextInt(CATEGORIES.length)],
                    circ == 1 ? "rural" : "urban", circ, 1, 1, random.nextInt(5) == 0 ? null : random.nextInt(50_000)));
            if (random.nextInt(10) == 0) {
                continue; // not assessed
            }
            Map<Integer, AnswerState> answers = new HashMap<>();
            // bias towards answered states, with every state possible
            double missingRate = random.nextDouble() * 0.3;
            for (ReadinessData.Item item : catalogue.items()) {
                if (random.nextDouble() < missingRate) {
                    continue;
                }
                answers.put(item.id(), STATES[random.nextInt(STATES.length)]);
            }
            Set<Integer> offered = new HashSet<>();
            catalogue.services().forEach(s -> {
                if (random.nextBoolean()) {
                    offered.add(s.id());
                }
            });
            assessments.add(new ReadinessData.Assessment(1000 + i, i, 1, LocalDate.of(2026, 1, 1), "complete", answers, offered));
        }
        return withEssps(essps, circonscriptions, assessments);
    }

    private static ReadinessData withEssps(List<ReadinessData.Essp> essps, List<ReadinessData.Circonscription> circonscriptions,
                                           List<ReadinessData.Assessment> assessments) {
        return new ReadinessData(catalogue.domains(), catalogue.versions(), catalogue.services(), catalogue.items(),
                catalogue.requirements(), catalogue.effectiveCategory(), catalogue.regions(), catalogue.provinces(),
                circonscriptions, essps, assessments);
    }

    private static void assertInRange(Double value) {
        if (value != null) {
            assertThat(value).isBetween(0.0, 100.0);
        }
    }

    @Test
    void everyScoreAndIndexIsWithin0And100AtEveryLevel() {
        for (long seed = 1; seed <= 40; seed++) {
            ReadinessResult result = ReadinessCalculator.compute(randomMission(seed, 30));
            for (EsspReadiness e : result.essps()) {
                assertInRange(e.generalIndex());
                assertInRange(e.pmsCoverage());
                e.generalDomains().values().forEach(d -> assertInRange(d.score()));
                e.services().values().forEach(s -> {
                    assertInRange(s.index());
                    s.domains().values().forEach(d -> assertInRange(d.score()));
                });
                if (e.generalCompleteness() != null) {
                    assertThat(e.generalCompleteness()).isBetween(0.0, 1.0);
                }
            }
            for (AggregationLevel level : AggregationLevel.values()) {
                for (Weighting weighting : Weighting.values()) {
                    for (AggregateRow row : ReadinessAggregator.aggregate(result, level, Breakdown.CATEGORY, weighting, e -> true)) {
                        assertInRange(row.general().value());
                        row.generalDomains().values().forEach(fig -> assertInRange(fig.value()));
                        row.services().values().forEach(fig -> assertInRange(fig.value()));
                        assertThat(row.general().n()).isLessThanOrEqualTo(row.assessed());
                    }
                }
            }
        }
    }

    @Test
    void turningAnAnswerIntoAvailableFunctioningNeverLowersAScore() {
        Random random = new Random(7);
        for (long seed = 100; seed < 160; seed++) {
            ReadinessData data = randomMission(seed, 6);
            ReadinessResult before = ReadinessCalculator.compute(data);
            // pick one assessment and one item, make it available and functioning
            ReadinessData.Assessment a = data.assessments().get(random.nextInt(data.assessments().size()));
            ReadinessData.Item item = catalogue.items().get(random.nextInt(catalogue.items().size()));
            Map<Integer, AnswerState> answers = new HashMap<>(a.answers().toMap());
            answers.put(item.id(), AnswerState.AVAILABLE_FUNCTIONING);
            List<ReadinessData.Assessment> changed = new ArrayList<>(data.assessments());
            changed.set(changed.indexOf(a), new ReadinessData.Assessment(a.id(), a.esspId(), a.catalogueVersionId(),
                    a.assessedOn(), a.status(), answers, a.offeredServiceIds()));
            ReadinessResult after = ReadinessCalculator.compute(withEssps(data.essps(), data.circonscriptions(), changed));

            for (int i = 0; i < before.essps().size(); i++) {
                EsspReadiness b = before.essps().get(i);
                EsspReadiness x = after.essps().get(i);
                assertNotLower(b.generalIndex(), x.generalIndex(), "general index, seed " + seed);
                b.generalDomains().forEach((code, d) -> assertNotLower(d.score(), x.generalDomains().get(code).score(), code));
                b.services().forEach((code, s) -> assertNotLower(s.index(), x.services().get(code).index(), code));
            }
            for (Weighting weighting : Weighting.values()) {
                AggregateRow b = ReadinessAggregator.aggregate(before, AggregationLevel.NATIONAL, Breakdown.NONE, weighting).getFirst();
                AggregateRow x = ReadinessAggregator.aggregate(after, AggregationLevel.NATIONAL, Breakdown.NONE, weighting).getFirst();
                // a unit mean can only move up when an ESSP's value moves up and none appears or disappears
                if (b.general().n() == x.general().n()) {
                    assertNotLower(b.general().value(), x.general().value(), "national, seed " + seed);
                }
            }
        }
    }

    /** A defined value never goes down and never becomes undefined. */
    private static void assertNotLower(Double before, Double after, String what) {
        if (before == null) {
            return;
        }
        assertThat(after).as(what).isNotNull();
        assertThat(after).as(what).isGreaterThanOrEqualTo(before - 1e-9);
    }
}
