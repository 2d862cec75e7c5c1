import type { Me, Voucher } from "./api.js";
import type { Router, Screen } from "./router.js";

export interface Position {
  lat: number;
  lng: number;
}

/**
 * The screens a screen may open, made in main.ts: screens never import one
 * another, so each can be read (and bundled) alone.
 */
export interface Screens {
  deal(id: number): Screen;
  /** A shop's page: its offers and its reviews. */
  shop(id: number): Screen;
  vouchers(): Screen;
  reviewForm(voucher: Voucher): Screen;
}

/** What every screen may use: the navigation, who the user is, where they are. */
export interface AppContext {
  router: Router;
  screens: Screens;
  me: Me;
  /** The user's own position when known; the map may be elsewhere. */
  position: Position | null;
}
