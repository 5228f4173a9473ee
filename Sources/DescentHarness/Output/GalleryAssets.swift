/// The gallery page's style sheet and script, inlined into `index.html` so the page works from
/// `file://` (no fetches) and costs one request.
///
/// Layout: cards and figures reflow down to a 400 px phone; every table sits in a `.scroll`
/// box that scrolls sideways inside itself, so the page never overflows horizontally.
/// Behaviour (progressive: without the script, thumbnails are plain links to the full figure):
/// - the search box filters every element carrying `data-search` (optimizer rows, summary
///   rows, timeline names) by name, family or year;
/// - a click on a column header sorts its table by `data-sort` (numbers) or the text, the
///   direction shown by `aria-sort` (missing values stay last either way);
/// - a click on a figure opens the lightbox: the full-size animation (or still), ←/→ to the
///   previous or next figure of the same table, Esc to close, and every file of the figure
///   to download.
enum GalleryAssets {
    static let style = """
        *{box-sizing:border-box}
        body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:0 auto;max-width:1200px;padding:0 1rem 3rem;color:#222;line-height:1.4}
        h1{margin:1.2rem 0 .2rem} h2{margin-top:2.5rem;border-bottom:1px solid #ddd;overflow-wrap:anywhere}
        .sub{color:#555;overflow-wrap:anywhere} code{font-size:.85em;overflow-wrap:anywhere}
        a{color:#1a5fb4}
        header.top{position:sticky;top:0;background:#fff;z-index:5;padding:.5rem 0;border-bottom:1px solid #eee;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
        header.top input{padding:.45rem .6rem;width:18rem;max-width:100%;font-size:1rem;border:1px solid #bbb;border-radius:4px}
        nav a{margin-right:.8rem;white-space:nowrap}
        .scroll{overflow-x:auto;max-width:100%;margin:1rem 0;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;width:100%} th,td{border-bottom:1px solid #eee;padding:.35rem .45rem;text-align:left;vertical-align:middle}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        th{background:#f4f4f4;white-space:nowrap} th button{all:unset;cursor:pointer}
        th button:after{content:" \\2195";color:#999;font-size:.8em} th[aria-sort=ascending] button:after{content:" \\25B2";color:#222}
        th[aria-sort=descending] button:after{content:" \\25BC";color:#222}
        th button:focus-visible{outline:2px solid #1a5fb4}
        a.fig{display:inline-block;line-height:0} a.fig img{border:1px solid #ddd;background:#fff;max-width:100%;height:auto}
        td a.fig img{width:160px} .figs{display:flex;flex-wrap:wrap;gap:.6rem} .figs a.fig img{width:240px}
        .diverged{color:#b00020;font-weight:bold} .left{color:#8a5300;font-weight:bold} .ok{color:#1b5e20}
        .timeline{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
        .year{border-left:3px solid #1f77b4;padding:.2rem .6rem;background:#f4f8fb;max-width:24rem} .year b{margin-right:.4rem} .year a{margin-right:.5rem;white-space:nowrap;display:inline-block}
        .fam{color:#555;font-size:.85em;white-space:nowrap} .hp{max-width:22rem}
        td.gap{white-space:nowrap;text-align:right;font-variant-numeric:tabular-nums}
        \(GallerySummary.colourClasses)
        .legend span{display:inline-block;padding:.1rem .4rem;margin-right:.2rem;font-size:.85em}
        [hidden]{display:none!important}
        #lightbox{position:fixed;inset:0;background:rgba(0,0,0,.85);z-index:10;display:flex;align-items:center;justify-content:center}
        #lightbox .box{background:#fff;padding:.5rem;border-radius:6px;max-width:98vw;max-height:98vh;overflow:auto;text-align:center}
        #lightbox img{display:block;margin:0 auto;height:auto}
        #lightbox .bar{display:flex;flex-wrap:wrap;gap:.4rem .8rem;align-items:center;justify-content:center;padding:.4rem 0 0}
        #lightbox button{font-size:1rem;padding:.2rem .6rem;cursor:pointer}
        @media (max-width:600px){body{padding:0 .5rem 2rem} td a.fig img{width:110px} .figs a.fig img{width:100%} h2{font-size:1.2rem}}
        """

    static let script = """
        (function(){
        "use strict";
        function all(sel, root){ return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
        // Filter: every [data-search] element whose text does not contain the query is hidden.
        var box = document.getElementById("q");
        if (box) box.addEventListener("input", function(){
          var q = box.value.trim().toLowerCase();
          all("[data-search]").forEach(function(el){ el.hidden = q !== "" && el.dataset.search.indexOf(q) < 0; });
          all(".year").forEach(function(y){ y.hidden = !y.querySelector("a:not([hidden])"); });
          all(".count").forEach(function(c){
            var t = document.getElementById(c.dataset.table);
            if (t) c.textContent = all("tbody tr:not([hidden])", t).length + " of " + t.tBodies[0].rows.length;
          });
        });
        // Sort: by data-sort (a number) or the cell's text; missing values last.
        all("table.sortable th").forEach(function(th){
          var b = th.querySelector("button");
          if (!b) return;
          b.addEventListener("click", function(){
            var table = th.closest("table"), body = table.tBodies[0], col = th.cellIndex;
            var asc = th.getAttribute("aria-sort") !== "ascending";
            all("th", table).forEach(function(o){ o.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", asc ? "ascending" : "descending");
            function key(r){ var c = r.cells[col]; if (!c) return null;
              var s = c.dataset.sort !== undefined ? c.dataset.sort : c.textContent.trim();
              if (s === "") return null; var n = Number(s); return isNaN(n) ? s.toLowerCase() : n; }
            var rows = all("tr", body).map(function(r, i){ return [key(r), i, r]; });
            rows.sort(function(a, b){
              if (a[0] === null || b[0] === null) return a[0] === b[0] ? a[1] - b[1] : (a[0] === null ? 1 : -1);
              var c = (typeof a[0] === "number" && typeof b[0] === "number") ? a[0] - b[0] : String(a[0]).localeCompare(String(b[0]));
              return (asc ? c : -c) || a[1] - b[1];
            });
            rows.forEach(function(r){ body.appendChild(r[2]); });
          });
        });
        // Lightbox.
        var lb = document.getElementById("lightbox"), img = document.getElementById("lb-img");
        var title = document.getElementById("lb-title"), files = document.getElementById("lb-files");
        var toggle = document.getElementById("lb-toggle"), current = null, animated = true;
        function visible(el){ return !el.closest("[hidden]"); }
        function group(fig){ var g = fig.closest("[data-group]") || document.body; return all("a.fig", g).filter(visible); }
        function show(){
          var f = current, gif = f.dataset.gif, w = Number(f.dataset.w) || 800, h = Number(f.dataset.h) || 800;
          var scale = Math.min(1, (innerWidth * 0.94) / w, (innerHeight - 90) / h);
          img.style.width = Math.floor(w * scale) + "px"; img.style.height = Math.floor(h * scale) + "px";
          img.src = (animated && gif) ? gif : f.getAttribute("href");
          img.alt = f.dataset.title || "";
          title.textContent = f.dataset.title || "";
          toggle.hidden = !gif; toggle.textContent = animated ? "still" : "animation";
          files.textContent = "";
          (f.dataset.files || "").split(" ").filter(Boolean).forEach(function(p){
            var a = document.createElement("a"); a.href = p; a.setAttribute("download", "");
            a.textContent = p.slice(p.lastIndexOf(".") + 1).toUpperCase();
            files.appendChild(a); files.appendChild(document.createTextNode(" "));
          });
        }
        function open(fig){ current = fig; animated = true; lb.hidden = false; show(); document.getElementById("lb-close").focus(); }
        function close(){ lb.hidden = true; img.removeAttribute("src"); if (current) current.focus(); }
        function step(d){ var g = group(current), i = g.indexOf(current); if (i < 0 || !g.length) return;
          current = g[(i + d + g.length) % g.length]; show(); }
        document.addEventListener("click", function(e){
          var fig = e.target.closest && e.target.closest("a.fig");
          if (fig && !e.ctrlKey && !e.metaKey && !e.shiftKey) { e.preventDefault(); open(fig); return; }
          if (e.target === lb) close();
        });
        document.getElementById("lb-close").addEventListener("click", close);
        document.getElementById("lb-prev").addEventListener("click", function(){ step(-1); });
        document.getElementById("lb-next").addEventListener("click", function(){ step(1); });
        toggle.addEventListener("click", function(){ animated = !animated; show(); });
        document.addEventListener("keydown", function(e){
          if (lb.hidden) return;
          if (e.key === "Escape") close(); else if (e.key === "ArrowLeft") step(-1); else if (e.key === "ArrowRight") step(1);
        });
        })();
        """

    /// The lightbox's (initially hidden) markup.
    static let lightbox = """
        <div id="lightbox" role="dialog" aria-modal="true" aria-label="figure" hidden><div class="box">
        <img id="lb-img" alt="">
        <div class="bar"><button id="lb-prev" aria-label="previous figure">&larr;</button><b id="lb-title"></b>
        <button id="lb-toggle">still</button><span id="lb-files"></span>
        <button id="lb-next" aria-label="next figure">&rarr;</button><button id="lb-close" aria-label="close">Esc &times;</button></div>
        </div></div>

        """
}
