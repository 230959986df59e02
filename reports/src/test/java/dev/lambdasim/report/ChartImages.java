package dev.lambdasim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** Checks that a rendered chart is a real picture: it decodes, has the chart width, and is not blank. */
final class ChartImages {

  private ChartImages() {}

  /** Asserts that {@code png} decodes at the chart width with at least 4 distinct colours. */
  static BufferedImage assertDrawn(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).as(png.toString()).isNotNull();
    assertThat(image.getWidth()).as(png.toString()).isEqualTo(ChartStyle.WIDTH_PX);
    assertThat(distinctColours(image)).as(png.toString()).isGreaterThanOrEqualTo(4);
    return image;
  }

  /** Returns the colours of every other pixel in both directions. */
  static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
