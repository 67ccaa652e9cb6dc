import { registerRoot } from "remotion";
import { Root } from "./Root.js";

registerRoot(Root);
