package dev.lambdasim.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a page looked like in the browser after it loaded: its images (and whether each decoded),
 * every console error, uncaught exception or failed load the browser logged, and whether the
 * page is wider than the window.
 */
record PageCheck(List<Image> images, List<String> errors, int scrollWidth, int windowWidth) {

  /** One {@code <img>}: its src, whether it loaded and decoded, and its drawn width. */
  record Image(String src, boolean loaded, double shownWidthPx) {}

  private static final String IMAGES_SCRIPT = "JSON.stringify(Array.from(document.images).map("
      + "i => ({src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0,"
      + " shown: i.getBoundingClientRect().width})))";
  private static final String WIDTHS_SCRIPT = "JSON.stringify({scroll: "
      + "document.documentElement.scrollWidth, window: window.innerWidth})";

  /** Loads {@code page} in the attached tab and returns what the browser saw. */
  static PageCheck load(DevTools devTools, Path page) throws IOException, InterruptedException {
    devTools.send("Page.enable", devTools.params());
    devTools.send("Runtime.enable", devTools.params());
    devTools.send("Log.enable", devTools.params());
    devTools.send("Page.navigate", devTools.params().put("url", page.toUri().toString()));
    // The load event waits for every image, so each one has loaded or failed by then.
    devTools.awaitEvent("Page.loadEventFired");

    ObjectMapper json = new ObjectMapper();
    List<Image> images = new ArrayList<>();
    for (JsonNode image : json.readTree(evaluate(devTools, IMAGES_SCRIPT))) {
      images.add(new Image(image.path("src").asText(), image.path("loaded").asBoolean(),
          image.path("shown").asDouble()));
    }
    JsonNode widths = json.readTree(evaluate(devTools, WIDTHS_SCRIPT));
    return new PageCheck(images, errors(devTools.events()),
        widths.path("scroll").asInt(), widths.path("window").asInt());
  }

  List<String> brokenImages() {
    return images.stream().filter(i -> !i.loaded()).map(Image::src).toList();
  }

  private static String evaluate(DevTools devTools, String expression) throws IOException {
    JsonNode result = devTools.send("Runtime.evaluate",
        devTools.params().put("expression", expression).put("returnByValue", true));
    if (result.has("exceptionDetails")) {
      throw new IOException("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value").asText();
  }

  /** Returns console errors and assertions, uncaught exceptions and browser log errors. */
  private static List<String> errors(List<JsonNode> events) {
    List<String> errors = new ArrayList<>();
    for (JsonNode event : events) {
      JsonNode params = event.path("params");
      switch (event.path("method").asText()) {
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("assert")) {
            errors.add("console." + type + ": " + params.path("args"));
          }
        }
        case "Runtime.exceptionThrown" ->
            errors.add("exception: " + params.path("exceptionDetails").path("text").asText());
        case "Log.entryAdded" -> {
          JsonNode entry = params.path("entry");
          if (entry.path("level").asText().equals("error")) {
            errors.add("log: " + entry.path("text").asText() + " " + entry.path("url").asText());
          }
        }
        default -> { }
      }
    }
    return errors;
  }
}
