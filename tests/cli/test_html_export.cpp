// hipview export -o FILE.html: the single-file lesson page, tested in a real browser. Debian's
// chromium (headless, WebGL on SwiftShader) opens the exported figure-4 page from a file URL; the
// page writes what happened into its status element (scene loaded, the animation's duration,
// meshes, time advanced, the number of script elements, every window error and console.error),
// which --dump-dom returns. A plain GLB export goes through three.js' GLTFLoader in a small
// harness page; a screenshot of the page is compared with `hipview render` of the same pose,
// view and size; content text holding a script tag ends up as text. chromium and libjs-three are
// in tools/debian-packages.txt: where either is missing the tests fail and say so.
//
// Browser runs are few (each takes seconds on two cores): one per test case.
#include "core/text.hpp"
#include "app/html_export.hpp"

#include "content/content.hpp"
#include "content/content_fixture.hpp"
#include "movement/loader.hpp"
#include "render/render_support.hpp"
#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

using hv::test::hipview;
using hv::test::runProcess;

namespace {

namespace fs = std::filesystem;

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string fileText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeText(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

// The figure-4 movement's duration from the content (seconds).
double figure4Duration() {
    const hv::ContentLoad load = hv::loadContent(HV_SOURCE_DIR "/content");
    REQUIRE(load.content);
    const auto movements = hv::movement::loadMovements(hv::movement::defaultMovementFile(*load.content), *load.content);
    REQUIRE(movements.library);
    const hv::movement::Movement* m = movements.library->find("figure-4");
    REQUIRE(m != nullptr);
    return m->duration();
}

// The number of mesh primitives in a GLB's JSON chunk (what three.js makes a Mesh of each).
int glbPrimitives(const std::string& glb) {
    REQUIRE(glb.size() > 20);
    std::uint32_t length = 0;
    for (int i = 3; i >= 0; --i) length = (length << 8) | static_cast<unsigned char>(glb[12 + i]);
    const auto json = nlohmann::json::parse(glb.substr(20, length));
    int n = 0;
    for (const auto& mesh : json.at("meshes")) n += static_cast<int>(mesh.at("primitives").size());
    return n;
}

struct BrowserRun {
    int exitCode = -1;
    std::string stdoutText; // the DOM with --dump-dom
    std::string stderrText; // chromium's log (--enable-logging=stderr)
};

// Runs headless chromium on `url` with `flags` (--dump-dom or --screenshot=...). Fails the test
// when chromium is not installed.
BrowserRun chromium(const hv::test::TempDir& dir, const std::string& flags, const std::string& url) {
    if (runProcess("command -v chromium > /dev/null 2>&1").exitCode != 0)
        FAIL("chromium is missing: the HTML page's tests need Debian's chromium (tools/debian-packages.txt; tools/setup.sh installs it)");
    const fs::path err = dir.path() / "chromium-stderr.txt";
    std::string command = "chromium --headless --use-angle=swiftshader --enable-unsafe-swiftshader --hide-scrollbars "
                          "--no-first-run --disable-extensions --enable-logging=stderr --user-data-dir='" +
                          (dir.path() / "chromium-profile").string() + "' ";
    if (::geteuid() == 0) command += "--no-sandbox "; // chromium refuses to start as root with its sandbox
    command += flags + " '" + url + "' 2> '" + err.string() + "'";
    const auto r = runProcess(command);
    BrowserRun run{r.exitCode, r.out, fileText(err)};
    return run;
}

// Chromium's log without the lines every run here has (no D-Bus, no GPU device), for messages.
std::string logForMessages(const std::string& log) {
    std::string out;
    std::size_t from = 0;
    while (from < log.size() && out.size() < 4000) {
        std::size_t end = log.find('\n', from);
        if (end == std::string::npos) end = log.size();
        const std::string line = log.substr(from, end - from);
        if (!contains(line, "dbus") && !contains(line, "WARNING:")) out += line + "\n";
        from = end + 1;
    }
    return out;
}

// Console messages chromium logged ("...:CONSOLE:LINE] "text", source: ..."); Chromium 156 logs
// every level as INFO, so any console message counts.
std::string consoleLines(const std::string& log) {
    std::string out;
    std::size_t from = 0;
    while (from < log.size()) {
        std::size_t end = log.find('\n', from);
        if (end == std::string::npos) end = log.size();
        const std::string line = log.substr(from, end - from);
        if (contains(line, ":CONSOLE")) out += line + "\n";
        from = end + 1;
    }
    return out;
}

std::string unescapeHtml(std::string s) {
    const std::pair<std::string, std::string> entities[] = {{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (std::size_t at = 0; (at = s.find(from, at)) != std::string::npos; at += to.size()) s.replace(at, from.size(), to);
    return s;
}

// The page's or harness's status element (JSON) from a dumped DOM.
nlohmann::json statusOf(const std::string& dom, const std::string& id) {
    const std::string open = "<pre id=\"" + id + "\"";
    const std::size_t at = dom.find(open);
    REQUIRE_MESSAGE(at != std::string::npos, "no status element in the page's DOM:\n" << dom.substr(0, 2000));
    const std::size_t start = dom.find('>', at) + 1;
    const std::size_t end = dom.find("</pre>", start);
    REQUIRE(end != std::string::npos);
    const std::string text = unescapeHtml(dom.substr(start, end - start));
    INFO("status: " << text);
    REQUIRE(nlohmann::json::accept(text));
    return nlohmann::json::parse(text);
}

// The libjs-three file `relative`, or a failed test naming it.
std::string threeFile(const std::string& relative) {
    const fs::path p = hv::cli::threeDirectory() / relative;
    if (!fs::exists(p)) FAIL("three.js is missing: " << p.string() << " (Debian's libjs-three, tools/debian-packages.txt)");
    return fileText(p);
}

std::string fileUrl(const fs::path& p) { return "file://" + fs::absolute(p).string(); }

// Non-background pixels: anything that differs from white by more than a little.
std::vector<bool> figureMask(const hv::scene::Image& im) {
    std::vector<bool> mask(static_cast<std::size_t>(im.width) * static_cast<std::size_t>(im.height));
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x) {
            const std::uint8_t* p = hv::test::pixel(im, x, y);
            mask[static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) + static_cast<std::size_t>(x)] =
                255 - p[0] > 16 || 255 - p[1] > 16 || 255 - p[2] > 16;
        }
    return mask;
}

} // namespace

TEST_CASE("the figure-4 html lesson page loads its scene in headless Chromium plays the movement over its whole duration picks a muscle and logs no error") {
    hv::test::TempDir dir;
    const fs::path page = dir.path() / "lesson.html";
    const fs::path glb = dir.path() / "figure4.glb";
    const auto r = runProcess(hipview() + " export --movement figure-4 --view anterior --size 800x600 -o " + page.string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    REQUIRE(runProcess(hipview() + " export --movement figure-4 --size 800x600 -o " + glb.string()).exitCode == 0);
    const std::string html = fileText(page);
    // One file: everything inline, nothing fetched.
    CHECK_FALSE(contains(html, "<script src"));
    CHECK_FALSE(contains(html, "<link"));
    CHECK(contains(html, "id=\"hv-glb\""));

    // pick=X,Y: the page's click handling (a raycast) at a point of the view where figure-4's
    // first pose shows the left adductors (gracilis), above the feet (headless
    // chromium's --dump-dom view is 800x457).
    const BrowserRun run = chromium(dir, "--virtual-time-budget=1500 --window-size=800,600 --dump-dom", fileUrl(page) + "#pick=0.6,0.5");
    INFO("chromium log:\n" << logForMessages(run.stderrText));
    REQUIRE(run.exitCode == 0);
    const nlohmann::json status = statusOf(run.stdoutText, "hv-status");
    CHECK(status.at("errors").empty());
    CHECK(consoleLines(run.stderrText).empty());
    CHECK(status.at("loaded") == true);
    REQUIRE(status.at("picked").is_string());
    const std::string picked = status.at("picked");
    CHECK((picked.ends_with("_l") || picked.ends_with("_r")));
    CHECK(contains(run.stdoutText, "<h2 id=\"hv-info-name\">"));
    CHECK_FALSE(contains(run.stdoutText, "<h2 id=\"hv-info-name\"></h2>"));
    CHECK(contains(run.stdoutText, "<div id=\"hv-info\" class=\"hv-panel\" aria-live=\"polite\">")); // shown
    CHECK(contains(run.stdoutText, " mm</li>")); // what it does at this moment
    CHECK(std::abs(status.at("duration").get<double>() - figure4Duration()) <= 0.001);
    CHECK(status.at("played") == true);
    CHECK(status.at("time").get<double>() > 0.0);
    CHECK(status.at("meshes").get<int>() == glbPrimitives(fileText(glb)));
    CHECK(status.at("meshes").get<int>() > 20);
    // The page's own scripts: the error hook, three.js, GLTFLoader, OrbitControls, data, GLB, viewer.
    CHECK(status.at("scripts").get<int>() == 7);
    CHECK(contains(run.stdoutText, "<title>Figure-4 stretch</title>"));
    CHECK(contains(run.stdoutText, "Deep hip rotators")); // the legend of the groups colour mode
}

TEST_CASE("three.js GLTFLoader in headless Chromium loads the figure-4 GLB export with the movement's duration") {
    hv::test::TempDir dir;
    const fs::path glb = dir.path() / "figure4.glb";
    const auto r = runProcess(hipview() + " export --movement figure-4 -o " + glb.string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string bytes = fileText(glb);
    const std::string encoded = hv::base64(std::span(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
    // A harness page of the test's own: three.js and its loader inlined, the GLB in base64.
    std::string harness = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>window.errs=[];"
                          "addEventListener('error',function(e){errs.push(String(e.message))});"
                          "var ce=console.error;console.error=function(){errs.push([].join.call(arguments,' '));ce.apply(console,arguments)};"
                          "</script>\n<script>" +
                          threeFile("build/three.min.js") + "\n</script>\n<script>" + threeFile("examples/js/loaders/GLTFLoader.js") +
                          "\n</script></head><body><pre id=\"result\">not loaded</pre>\n<script type=\"text/plain\" id=\"glb\">" +
                          encoded +
                          "</script>\n<script>"
                          "var b=Uint8Array.from(atob(document.getElementById('glb').textContent),function(c){return c.charCodeAt(0)});"
                          "function out(o){o.errors=errs;document.getElementById('result').textContent=JSON.stringify(o)}"
                          "new THREE.GLTFLoader().parse(b.buffer,'',function(g){var n=0,names=[];g.scene.traverse(function(o){if(o.isMesh)n++;names.push(o.name)});"
                          "out({animations:g.animations.length,name:g.animations.length?g.animations[0].name:'',"
                          "duration:g.animations.length?g.animations[0].duration:0,meshes:n,"
                          "piriformis:names.indexOf('piriformis_r')>=0})},function(e){errs.push(String(e&&e.message||e));out({})});"
                          "</script></body></html>";
    const fs::path page = dir.path() / "harness.html";
    writeText(page, harness);
    const BrowserRun run = chromium(dir, "--virtual-time-budget=1000 --dump-dom", fileUrl(page));
    INFO("chromium log:\n" << logForMessages(run.stderrText));
    REQUIRE(run.exitCode == 0);
    const nlohmann::json result = statusOf(run.stdoutText, "result");
    CHECK(result.at("errors").empty());
    CHECK(consoleLines(run.stderrText).empty());
    CHECK(result.at("animations") == 1);
    CHECK(result.at("name") == "figure-4");
    CHECK(std::abs(result.at("duration").get<double>() - figure4Duration()) <= 0.001);
    CHECK(result.at("meshes").get<int>() == glbPrimitives(bytes));
    CHECK(result.at("piriformis") == true);
}

TEST_CASE("a screenshot of the html lesson page has the silhouette of hipview render at the same pose view and size") {
    // The page's camera frames every keyframe of the movement, as `hipview render --frames` frames
    // an animation; frame 3 of 12 over figure-4 is keyframe 3 of the export, shown paused at its
    // time with the page's panels hidden (#bare). A named view: framed from figure-4's own camera
    // the whole body is framed, and the render frames a sample of its frames, not every one.
    hv::test::TempDir dir;
    const fs::path page = dir.path() / "lesson.html";
    const auto e = runProcess(hipview() + " export --movement figure-4 --view anterior --frames 12 --size 800x600 -o " + page.string() + " 2>&1");
    INFO(e.out);
    REQUIRE(e.exitCode == 0);
    // The page's live scene has no floor and no body outline (scene export leaves them out), so
    // the render is asked for the same layers without them.
    const auto r = runProcess(hipview() + " render --movement figure-4 --view anterior --show bones,muscles --no-floor --frames 12 --size 800x600 -o " +
                              (dir.path() / "render.png").string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const double t = figure4Duration() * 3.0 / 11.0;
    const fs::path shot = dir.path() / "page.png";
    const BrowserRun run = chromium(dir, "--virtual-time-budget=1500 --window-size=800,600 --screenshot='" + shot.string() + "'",
                                    fileUrl(page) + "#t=" + std::to_string(t) + "&paused&bare");
    INFO("chromium log:\n" << logForMessages(run.stderrText));
    REQUIRE(run.exitCode == 0);
    CHECK(consoleLines(run.stderrText).empty());
    hv::scene::Image browser, rendered;
    REQUIRE(hv::test::readPng(shot.string(), browser));
    REQUIRE(hv::test::readPng((dir.path() / "render_0003.png").string(), rendered));
    REQUIRE(browser.width == rendered.width);
    REQUIRE(browser.height == rendered.height);
    const auto a = figureMask(browser), b = figureMask(rendered);
    std::size_t both = 0, either = 0, inA = 0, inB = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        both += a[i] && b[i];
        either += a[i] || b[i];
        inA += a[i];
        inB += b[i];
    }
    REQUIRE(either > 0);
    const double iou = static_cast<double>(both) / static_cast<double>(either);
    MESSAGE("silhouette IoU " << iou << ", page " << inA << " px, render " << inB << " px");
    if (const char* keep = std::getenv("HV_KEEP_SCREENSHOTS")) {
        fs::copy_file(shot, fs::path(keep) / "html_page.png", fs::copy_options::overwrite_existing);
        fs::copy_file(dir.path() / "render_0003.png", fs::path(keep) / "html_render.png", fs::copy_options::overwrite_existing);
    }
    // Tolerance: the same camera and pose, so the shapes differ only at their edges (antialiasing,
    // the render's near-white tendons and ambient occlusion); 0.977 when this was written.
    CHECK(iou >= 0.93);
    CHECK(inA > 20000); // the figure fills a fair part of the picture, not a few stray pixels
}

TEST_CASE("content text holding a script tag reaches the html lesson page as text and runs nothing") {
    hv::test::TempDir dir;
    const fs::path content = dir.path() / "content";
    fs::copy(HV_SOURCE_DIR "/content", content, fs::copy_options::recursive);
    const fs::path piriformis = content / "muscles" / "piriformis.toml";
    std::string toml = fileText(piriformis);
    const std::size_t at = toml.find("summary = \"");
    REQUIRE(at != std::string::npos);
    const std::string hostile = "</script><script>alert(1)</script> & <b>bold</b>";
    toml.insert(at + 11, hostile + " ");
    writeText(piriformis, toml);
    const fs::path page = dir.path() / "lesson.html";
    const auto r = runProcess(hipview() + " export --movement figure-4 --content " + content.string() + " -o " + page.string() + " 2>&1");
    INFO(r.out);
    REQUIRE(r.exitCode == 0);
    const std::string html = fileText(page);
    CHECK_FALSE(contains(html, hostile));
    CHECK_FALSE(contains(html, "<script>alert"));
    CHECK(contains(html, "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u003cb\\u003ebold"));

    const BrowserRun run = chromium(dir, "--virtual-time-budget=1500 --dump-dom", fileUrl(page) + "#t=7&paused&select=piriformis_r");
    INFO("chromium log:\n" << logForMessages(run.stderrText));
    REQUIRE(run.exitCode == 0);
    const nlohmann::json status = statusOf(run.stdoutText, "hv-status");
    CHECK(status.at("errors").empty());
    CHECK(consoleLines(run.stderrText).empty());
    CHECK(status.at("loaded") == true);
    CHECK(status.at("scripts").get<int>() == 7); // no script element more than the page's own
    CHECK_FALSE(contains(run.stdoutText, "<b>bold</b>"));
    // The panel shows the text literally (the DOM dump escapes its text nodes).
    CHECK(contains(run.stdoutText, "<p id=\"hv-info-summary\">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt; A pear-shaped"));
    CHECK(contains(run.stdoutText, "<h2 id=\"hv-info-name\">Piriformis (right)</h2>"));
}

TEST_CASE("an html export with an unknown movement an unwritable output or no three.js is one message with no file left") {
    hv::test::TempDir dir;
    const std::string out = (dir.path() / "x.html").string();
    const auto movement = runProcess(hipview() + " export --movement no-such-stretch -o " + out + " 2>&1");
    CHECK(movement.exitCode == 2);
    CHECK(contains(movement.out, "--movement: unknown movement \"no-such-stretch\""));
    const auto unwritable = runProcess(hipview() + " export --movement figure-4 -o " + (dir.path() / "missing" / "x.html").string() + " 2>&1");
    CHECK(unwritable.exitCode == 1);
    CHECK(contains(unwritable.out, "missing"));
    const fs::path empty = dir.path() / "no-three";
    fs::create_directory(empty);
    const auto three = runProcess("HIPVIEW_THREE_DIR=" + empty.string() + " " + hipview() + " export --movement figure-4 -o " + out + " 2>&1");
    CHECK(three.exitCode == 1);
    CHECK(contains(three.out, (empty / "build/three.min.js").string()));
    CHECK(contains(three.out, "libjs-three"));
    fs::remove(empty);
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("html page text is JSON that no script element can be closed by and the GLB is standard base64") {
    CHECK(hv::cli::scriptSafeJson(R"({"a":"</script><!-- & \u2028"})") ==
          R"({"a":"\u003c/script\u003e\u003c!-- \u0026 \u2028"})");
    CHECK(hv::cli::scriptSafeJson("\"x\xe2\x80\xa8y\xe2\x80\xa9\"") == "\"x\\u2028y\\u2029\"");
    const auto b64 = [](std::string s) { return hv::base64(std::span(reinterpret_cast<const std::uint8_t*>(s.data()), s.size())); };
    CHECK(b64("") == "");
    CHECK(b64("f") == "Zg==");
    CHECK(b64("fo") == "Zm8=");
    CHECK(b64("foo") == "Zm9v");
    CHECK(b64("foobar") == "Zm9vYmFy");
    CHECK(b64("\xff\xfe\xfd") == "//79");
}

TEST_CASE("a part's live actions read in the html page as motions with their moment arms strongest first") {
    hv::doc::PartActions part;
    part.bars[0] = {hv::HipDof::Flexion, 0, 4.4, hv::Action::Flexor, "flexor"};
    part.bars[1] = {hv::HipDof::Adduction, 1, 0.1, hv::Action::None, "none"};
    part.bars[2] = {hv::HipDof::Rotation, 2, -12.3, hv::Action::ExternalRotator, "external rotator"};
    const auto words = hv::cli::actionWords(part);
    REQUIRE(words.size() == 2);
    CHECK(words[0] == "external rotation 12 mm");
    CHECK(words[1] == "flexion 4 mm");
}

TEST_CASE("a trunk muscle's part reads in the html page as its lumbar motions with the levels it crosses and never as a hip motion") {
    const hv::Content& content = hv::test::projectContent();
    const hv::Model& model = content.model;
    const int ra = model.findMuscle("rectus_abdominis", hv::Side::Right);
    REQUIRE(ra >= 0);
    const auto parts = hv::doc::lumbarActions(model, model.defaultPose(), ra);
    REQUIRE_FALSE(parts.empty());
    const auto words = hv::cli::actionWords(parts.front());
    REQUIRE_FALSE(words.empty());
    CAPTURE(words.front());
    CHECK(words.front().rfind("flexes the low back ", 0) == 0);
    CHECK(words.front().find(" mm (L") != std::string::npos);
    for (const std::string& w : words) {
        CAPTURE(w);
        CHECK(w.find("hip") == std::string::npos);
        CHECK(w.find("external rotation") == std::string::npos);
        CHECK(w.find("abduction") == std::string::npos);
    }

    hv::doc::PartLumbarActions made;
    made.lowestLevel = 1;
    made.highestLevel = 1;
    made.bars[0] = {hv::LumbarDof::Flexion, -40.4, "extensor"};
    made.bars[1] = {hv::LumbarDof::Bending, 0.4, "none"};
    made.bars[2] = {hv::LumbarDof::Rotation, 60.2, "left rotator"};
    const auto w2 = hv::cli::actionWords(made);
    REQUIRE(w2.size() == 2);
    CHECK(w2[0] == "turns the trunk to the left 60 mm (L4-L5)");
    CHECK(w2[1] == "extends the low back 40 mm");
}
