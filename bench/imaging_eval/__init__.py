"""Synthetic product photos with exact ground-truth alpha, for tests and the imaging benchmark."""

from imaging_eval.rooms import render_room
from imaging_eval.scenes import SCENES, RenderedScene, Scene, render_busy_scene, render_scene

__all__ = ["SCENES", "RenderedScene", "Scene", "render_busy_scene", "render_room", "render_scene"]
