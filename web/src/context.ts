import type { Me } from "./api.js";
import type { Router } from "./router.js";

export interface Position {
  lat: number;
  lng: number;
}

/** What every screen may use: the navigation, who the user is, where they are. */
export interface AppContext {
  router: Router;
  me: Me;
  /** The user's own position when known; the map may be elsewhere. */
  position: Position | null;
}
