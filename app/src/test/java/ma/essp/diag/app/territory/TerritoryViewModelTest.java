package ma.essp.diag.app.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.TerritoryRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerritoryViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;

    @BeforeEach
    void openFixture() throws Exception {
        mission = FixtureMission.create(dir.resolve("t.essp"));
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private TerritoryViewModel loaded(I18n i18n) {
        TerritoryViewModel vm = new TerritoryViewModel(new TerritoryRepository(mission.dsl()), new CurrentThreadTaskExecutor(), i18n);
        vm.load();
        return vm;
    }

    private static TerritoryNode child(TerritoryNode parent, String label) {
        return parent.children().stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow(
                () -> new AssertionError(label + " not under " + parent.label() + ": " + parent.children()));
    }

    private static TerritoryNode root(List<TerritoryNode> roots, String label) {
        return roots.stream().filter(n -> n.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void buildsRegionsProvincesCirconscriptionsAndEsspsWithCounts() {
        TerritoryViewModel vm = loaded(new I18n(I18n.FRENCH));
        List<TerritoryNode> roots = vm.allRootsProperty().get();

        assertThat(roots).hasSize(12);
        assertThat(roots.getFirst().label()).isEqualTo("Tanger-Tétouan-Al Hoceima");
        TerritoryNode tangerRegion = roots.getFirst();
        assertThat(tangerRegion.esspCount()).isEqualTo(4);
        assertThat(tangerRegion.population()).isEqualTo(4_030_222L);
        TerritoryNode tangerAssilah = child(tangerRegion, "Tanger-Assilah");
        assertThat(tangerAssilah.esspCount()).isEqualTo(4);
        assertThat(tangerAssilah.population()).isEqualTo(1_494_413L);
        TerritoryNode medina = child(tangerAssilah, "Circonscription Tanger Médina");
        assertThat(medina.population()).isEqualTo(120_000L);
        assertThat(medina.children()).extracting(TerritoryNode::label).containsExactly("CSU Médina", "CSU Souani");
        assertThat(medina.children().getFirst().population()).isEqualTo(30_000L);
        assertThat(medina.children().getFirst().detail()).isEqualTo("CSU-1");
        assertThat(vm.summaryProperty().get()).isEqualTo("12 régions · 6 ESSP");
    }

    @Test
    void casablancaPrefecturesOfArrondissementsAreNestedUnderCasablanca() {
        List<TerritoryNode> roots = loaded(new I18n(I18n.FRENCH)).allRootsProperty().get();
        TerritoryNode region = root(roots, "Casablanca-Settat");

        assertThat(region.children()).extracting(TerritoryNode::label).doesNotContain("Casablanca-Anfa");
        TerritoryNode casablanca = child(region, "Casablanca");
        assertThat(casablanca.children()).filteredOn(n -> n.kind() == TerritoryNode.Kind.PROVINCE).hasSize(8);
        TerritoryNode anfa = child(casablanca, "Casablanca-Anfa");
        assertThat(anfa.esspCount()).isEqualTo(2);
        assertThat(casablanca.esspCount()).isEqualTo(2);
        assertThat(region.esspCount()).isEqualTo(2);
    }

    @Test
    void arabicShowsArabicNames() {
        List<TerritoryNode> roots = loaded(new I18n(I18n.ARABIC)).allRootsProperty().get();
        assertThat(roots).extracting(TerritoryNode::label).contains("طنجة-تطوان-الحسيمة");
    }

    @Test
    void searchKeepsMatchesAndTheirAncestorsExpanded() {
        TerritoryViewModel vm = loaded(new I18n(I18n.FRENCH));
        vm.searchTextProperty().set("maarif"); // accent-insensitive: "CSU Maârif"

        TerritorySearch.Result result = vm.visibleProperty().get();
        assertThat(result.matches()).isEqualTo(1);
        assertThat(result.roots()).extracting(TerritoryNode::label).containsExactly("Casablanca-Settat");
        TerritoryNode casablanca = result.roots().getFirst().children().getFirst();
        assertThat(casablanca.label()).isEqualTo("Casablanca");
        assertThat(casablanca.children()).extracting(TerritoryNode::label).containsExactly("Casablanca-Anfa");
        TerritoryNode circonscription = casablanca.children().getFirst().children().getFirst();
        assertThat(circonscription.children()).extracting(TerritoryNode::label).containsExactly("CSU Maârif");
        assertThat(result.expanded()).contains(
                new TerritoryNode.Key(TerritoryNode.Kind.REGION, 6),
                new TerritoryNode.Key(TerritoryNode.Kind.PROVINCE, FixtureMission.CASABLANCA),
                new TerritoryNode.Key(TerritoryNode.Kind.PROVINCE, FixtureMission.CASABLANCA_ANFA),
                new TerritoryNode.Key(TerritoryNode.Kind.CIRCONSCRIPTION, circonscription.key().id()));
        assertThat(vm.summaryProperty().get()).isEqualTo("1 résultat(s)");
    }

    @Test
    void aMatchingProvinceKeepsAllItsChildrenAndCodesMatchToo() {
        TerritoryViewModel vm = loaded(new I18n(I18n.FRENCH));
        vm.searchTextProperty().set("tanger-assilah");
        TerritoryNode province = vm.visibleProperty().get().roots().getFirst().children().getFirst();
        assertThat(province.children()).hasSize(2);

        vm.searchTextProperty().set("E004");
        assertThat(vm.visibleProperty().get().matches()).isEqualTo(1);

        vm.searchTextProperty().set("no such place");
        assertThat(vm.visibleProperty().get().roots()).isEmpty();

        vm.searchTextProperty().set("  ");
        assertThat(vm.visibleProperty().get().roots()).hasSize(12);
        assertThat(vm.visibleProperty().get().expanded()).isEmpty();
    }

    @Test
    void aFailedLoadIsReportedNotThrown() {
        mission.close();
        TerritoryViewModel vm = loaded(new I18n(I18n.ENGLISH));
        assertThat(vm.errorProperty().get()).startsWith("The territory could not be loaded");
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
