package dev.lambdasim.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal client of the Chrome DevTools protocol over the JDK's own WebSocket: commands are
 * JSON messages with an id, answered by a message with the same id; everything else is an event,
 * kept in arrival order for the test to inspect. One page is attached in flat mode, so its
 * commands and events carry that page's session id.
 */
final class DevTools implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();
  private final WebSocket socket;
  private String sessionId;

  private DevTools(String url) throws IOException {
    try {
      socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .connectTimeout(TIMEOUT)
          .buildAsync(URI.create(url), new Listener())
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IOException("cannot connect to DevTools at " + url, e);
    }
  }

  /** Connects to the browser and attaches to a new blank page. */
  static DevTools openPage(String browserUrl) throws IOException {
    DevTools devTools = new DevTools(browserUrl);
    ObjectNode target = devTools.json.createObjectNode().put("url", "about:blank");
    String targetId = devTools.send("Target.createTarget", target).path("targetId").asText();
    ObjectNode attach = devTools.json.createObjectNode().put("targetId", targetId)
        .put("flatten", true);
    devTools.sessionId = devTools.send("Target.attachToTarget", attach).path("sessionId").asText();
    return devTools;
  }

  ObjectNode params() {
    return json.createObjectNode();
  }

  /** Sends a command (to the attached page once there is one) and returns its result. */
  JsonNode send(String method, ObjectNode params) throws IOException {
    int id = ids.incrementAndGet();
    ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
    message.set("params", params);
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(json.writeValueAsString(message), true);
    JsonNode response;
    try {
      response = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new IOException(method + " got no answer", e);
    }
    if (response.has("error")) {
      throw new IOException(method + " failed: " + response.get("error"));
    }
    return response.path("result");
  }

  /** Waits until an event named {@code method} has arrived, and returns it. */
  JsonNode awaitEvent(String method) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    synchronized (events) {
      while (true) {
        for (JsonNode event : events) {
          if (method.equals(event.path("method").asText())) {
            return event;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new IOException("no " + method + " event within " + TIMEOUT);
        }
        events.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
      }
    }
  }

  /** Returns a copy of the events received so far. */
  List<JsonNode> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
  }

  private void receive(String text) {
    JsonNode message;
    try {
      message = json.readTree(text);
    } catch (IOException e) {
      return; // not JSON: not from DevTools
    }
    if (message.has("id")) {
      CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
      if (answer != null) {
        answer.complete(message);
      }
      return;
    }
    synchronized (events) {
      events.add(message);
      events.notifyAll();
    }
  }

  /** Gathers frames into whole messages (large ones come in parts). */
  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        receive(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
