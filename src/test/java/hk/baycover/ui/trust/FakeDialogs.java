package hk.baycover.ui.trust;

import hk.baycover.ui.common.FileDialogs;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the OS file dialogs in UI tests (native dialogs cannot be driven headless). */
final class FakeDialogs implements FileDialogs {
    Path save;
    List<Path> open = new ArrayList<>();
    final List<String> asked = new ArrayList<>();

    @Override
    public List<Path> openFiles(Window owner, String title, String filterName, String... extensions) {
        asked.add("open:" + title);
        return open;
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String initialName, String filterName, String... extensions) {
        asked.add("save:" + initialName);
        return Optional.ofNullable(save);
    }

    @Override
    public Optional<Path> chooseDirectory(Window owner, String title) {
        return Optional.empty();
    }
}
