package hk.baycover.ui.common;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The OS file dialogs, behind an interface so UI tests can answer them (native dialogs cannot be driven headless). */
public interface FileDialogs {

    List<Path> openFiles(Window owner, String title, String filterName, String... extensions);

    Optional<Path> saveFile(Window owner, String title, String initialName, String filterName, String... extensions);

    Optional<Path> chooseDirectory(Window owner, String title);

    FileDialogs SYSTEM = new FileDialogs() {
        @Override
        public List<Path> openFiles(Window owner, String title, String filterName, String... extensions) {
            FileChooser fc = new FileChooser();
            fc.setTitle(title);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
            List<File> files = fc.showOpenMultipleDialog(owner);
            return files == null ? List.of() : files.stream().map(File::toPath).toList();
        }

        @Override
        public Optional<Path> saveFile(Window owner, String title, String initialName, String filterName, String... extensions) {
            FileChooser fc = new FileChooser();
            fc.setTitle(title);
            fc.setInitialFileName(initialName);
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, extensions));
            return Optional.ofNullable(fc.showSaveDialog(owner)).map(File::toPath);
        }

        @Override
        public Optional<Path> chooseDirectory(Window owner, String title) {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle(title);
            return Optional.ofNullable(dc.showDialog(owner)).map(File::toPath);
        }
    };
}
