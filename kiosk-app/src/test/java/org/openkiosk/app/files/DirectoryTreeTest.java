package org.openkiosk.app.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one "delete a directory recursively" of the kiosk program (demo directories, journal copies, config versions). */
class DirectoryTreeTest {

    @TempDir
    Path tmp;

    @Test
    void removesEverythingBelowWithoutFollowingALinkOut() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Path kept = Files.writeString(outside.resolve("kept.txt"), "not ours");
        Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.writeString(tree.resolve("deep.txt"), "x");
        Files.writeString(tmp.resolve("tree/top.txt"), "y");
        Files.createSymbolicLink(tmp.resolve("tree/a/link"), outside);

        DirectoryTree.delete(tmp.resolve("tree"));

        assertThat(tmp.resolve("tree")).doesNotExist();
        assertThat(kept).hasContent("not ours");
        DirectoryTree.delete(tmp.resolve("tree")); // gone already: nothing to do
        DirectoryTree.delete(null);

        Path link = Files.createSymbolicLink(tmp.resolve("link-to-outside"), outside);
        DirectoryTree.delete(link); // the link itself, not what it points at
        assertThat(link).doesNotExist();
        assertThat(kept).hasContent("not ours");
    }
}
