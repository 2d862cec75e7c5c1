// Deals around the user: the map, the filters, and the list that follows the
// map as it moves (the list is what the map's centre and radius hold).
import L from "leaflet";
import "leaflet.markercluster";
import { CATEGORIES } from "../../../src/domain/categories.js";
import { DEFAULT_RADIUS_KM, RADIUS_CHOICES_KM } from "../../../src/domain/nearby.js";
import { api, type DealFilter, type DealSummary } from "../api.js";
import type { AppContext, Position } from "../context.js";
import { clear, h } from "../dom.js";
import { errorText } from "../errors.js";
import { t } from "../i18n.js";
import type { Screen } from "../router.js";
import { telegram } from "../telegram.js";
import { categoryName, dealCard, distance, message, ratingText } from "../ui.js";

declare const __TILE_URL__: string;
declare const __TILE_ATTRIBUTION__: string;

/** Kept across screens so coming back shows the same place and filters. */
const view: { centre: Position | null; filter: Omit<DealFilter, "lat" | "lng"> } = {
  centre: null,
  filter: { radiusKm: DEFAULT_RADIUS_KM },
};

/** How close a fit to the found deals may come: one deal alone still shows its street. */
const FIT = { padding: L.point(24, 24), maxZoom: 16, animate: false } as const;

/** A zoom that shows the whole circle on a phone's width. */
function zoomFor(radiusKm: number): number {
  return Math.max(3, Math.min(17, Math.round(15 - Math.log2(radiusKm))));
}

export function mapScreen(ctx: AppContext): Screen {
  return {
    tab: "app-tab-deals",
    title: () => t("app-deals-title"),
    mount(root) {
      const mapBox = h("div", { class: "map", id: "map" });
      const list = h("ul", { class: "deal-list", "aria-label": t("app-deals-title") });
      const status = h("div", { class: "status" });
      const form = filtersForm(() => load({ fit: true }));
      root.append(form, mapBox, status, list);

      const start = view.centre ?? ctx.position;
      const map = L.map(mapBox, { zoomControl: false }).setView(start ? [start.lat, start.lng] : [20, 0], start ? zoomFor(view.filter.radiusKm) : 2);
      L.tileLayer(__TILE_URL__, { attribution: __TILE_ATTRIBUTION__, maxZoom: 19 }).addTo(map);
      const markers = L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
      map.addLayer(markers);
      let circle: L.Circle | null = null;

      if (!start) status.append(locationPrompt(ctx, (p) => map.setView([p.lat, p.lng], zoomFor(view.filter.radiusKm))));

      // The app's own moves (a fit, a new radius) reload nothing: the list already holds
      // what they show, and reloading around the fitted centre would fit again.
      let ownMove = false;
      /** The map rests where a fit left it: its centre is then not the list's. */
      let fitted = false;
      function moveQuietly(move: () => void): void {
        ownMove = true;
        try {
          move();
        } finally {
          ownMove = false;
        }
      }

      let moved: ReturnType<typeof setTimeout> | undefined;
      let request = 0;
      /** `fit` after a search or a filter: the map then shows every deal found (a move by hand only reloads). */
      async function load({ fit = false } = {}): Promise<void> {
        // A search stays where the list is, even when a fit moved the map's centre off it.
        const centre = fitted && view.centre ? view.centre : map.getCenter();
        // The search reads the map's centre now: a reload still waiting for a move is that search's.
        if (fit) clearTimeout(moved);
        if (!view.centre && !ctx.position && map.getZoom() < 5) return;
        view.centre = { lat: centre.lat, lng: centre.lng };
        const mine = ++request;
        mapBox.setAttribute("aria-busy", "true");
        try {
          const { deals } = await api.deals({ ...view.filter, ...view.centre });
          if (mine !== request) return;
          show(deals);
          if (fit && deals.length > 0) {
            moveQuietly(() => map.fitBounds(L.latLngBounds(deals.map((d) => [d.lat, d.lng])), FIT));
            fitted = true;
          }
        } catch (error) {
          if (mine === request) clear(status, message(errorText(error), "error"));
        } finally {
          if (mine === request) mapBox.removeAttribute("aria-busy");
        }
      }

      function show(deals: DealSummary[]): void {
        markers.clearLayers();
        markers.addLayers(deals.map((deal) => marker(deal)));
        mapBox.dataset["deals"] = String(deals.length);
        circle?.remove();
        circle = L.circle(view.centre!, { radius: view.filter.radiusKm * 1000, interactive: false, weight: 1, fillOpacity: 0.04 }).addTo(map);
        clear(status, deals.length === 0 ? message(t("app-deals-none")) : null);
        // Which shop, how far, and its rating: the list mixes shops.
        const shopLine = (deal: DealSummary) => `${deal.shop.name} · ${distance(deal.distanceM)}${deal.shop.reviews > 0 ? ` · ${ratingText(deal.shop)}` : ""}`;
        clear(list, ...deals.map((deal) => dealCard(deal, shopLine(deal), open)));
        // Read by `npm run bench`: the time from opening the app to deals on the map.
        performance.mark("deals-shown");
      }

      function marker(deal: DealSummary): L.Marker {
        const icon = L.divIcon({ className: "deal-marker", html: `<span>${escapeHtml(deal.price.text)}</span>`, iconSize: undefined });
        return L.marker([deal.lat, deal.lng], { icon, title: deal.title }).on("click", () => open(deal));
      }

      function open(deal: DealSummary): void {
        telegram.HapticFeedback.selectionChanged();
        ctx.router.push(ctx.screens.deal(deal.id));
      }

      function filtersForm(changed: () => void): HTMLElement {
        const radius = h("select", { name: "radius", "aria-label": t("app-filter-radius") });
        for (const km of RADIUS_CHOICES_KM) radius.append(h("option", { value: km, selected: km === view.filter.radiusKm }, t("app-distance-km", { km })));
        const category = h("select", { name: "category", "aria-label": t("app-filter-category") }, h("option", { value: "" }, t("category-all")));
        for (const c of CATEGORIES) category.append(h("option", { value: c, selected: c === view.filter.category }, categoryName(c)));
        const maxPrice = h("input", { name: "maxPrice", type: "number", min: 0, step: "any", inputmode: "decimal", placeholder: t("app-filter-max-price"), "aria-label": t("app-filter-max-price"), value: view.filter.maxPrice });
        const search = h("input", { name: "q", type: "search", placeholder: t("app-search-placeholder"), "aria-label": t("app-search-placeholder"), value: view.filter.q });
        const read = () => {
          const price = maxPrice.value === "" ? undefined : Number(maxPrice.value);
          view.filter = {
            radiusKm: Number(radius.value),
            category: category.value || undefined,
            q: search.value.trim() || undefined,
            maxPrice: price !== undefined && Number.isFinite(price) ? price : undefined,
          };
        };
        radius.addEventListener("change", () => {
          read();
          moveQuietly(() => map.setZoom(zoomFor(view.filter.radiusKm), { animate: false }));
          changed();
        });
        for (const input of [category, maxPrice]) input.addEventListener("change", () => (read(), changed()));
        const submit = () => (search.blur(), read(), changed());
        // With two text fields and no submit button, a form ignores Enter: the search box takes it itself.
        search.addEventListener("keydown", (e) => {
          if (e.key !== "Enter") return;
          e.preventDefault();
          submit();
        });
        return h(
          "form",
          { class: "filters", role: "search", onsubmit: (e) => (e.preventDefault(), submit()) },
          search,
          h("div", { class: "filter-row" }, radius, category, maxPrice),
        );
      }

      map.on("moveend", () => {
        if (ownMove) return;
        fitted = false;
        clearTimeout(moved);
        moved = setTimeout(() => void load(), 150);
      });
      void load();
      return () => {
        clearTimeout(moved);
        map.remove();
      };
    },
  };
}

/** Where the user is not known: ask Telegram for it, or let them move the map. */
function locationPrompt(ctx: AppContext, found: (p: Position) => void): HTMLElement {
  const box = h(
    "div",
    { class: "prompt" },
    h("p", {}, t("app-location-prompt")),
    h(
      "button",
      {
        type: "button",
        onclick: () =>
          telegram.LocationManager.getLocation((location) => {
            if (!location) return box.replaceChildren(message(t("app-location-denied")));
            ctx.position = { lat: location.latitude, lng: location.longitude };
            box.remove();
            found(ctx.position);
          }),
      },
      t("app-location-share"),
    ),
  );
  return box;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
