"""Staging a scene for the blind renderer: the camera, soft lights, turning parts, the room, the scene.

The sets built on that renderer after the blind set (``fresh.py``, ``final.py``, ``eighth.py``, ``ninth.py``,
``tenth.py``) stage their photos with these; each keeps its own products, materials and lights.
"""

from __future__ import annotations

from imaging_eval.blind import view
from imaging_eval.blind_light import Lens, Light, Part, Room, Scene
from imaging_eval.blind_mesh import place
from imaging_eval.blind_texture import Material

Pt = tuple[float, float, float]


def camera(target: Pt, distance: float, azimuth: float, elevation: float) -> tuple[Pt, Pt]:
    """An eye ``distance`` metres from ``target``, ``azimuth`` degrees round to its right, ``elevation`` above."""
    return view(target, distance, azimuth, elevation)


def soft(at: Pt, power: float, radius: float = 0.8, samples: int = 8) -> Light:
    return Light(at, power, radius, samples=samples)


def turned(parts: list[Part], yaw: float = 0.0, at: Pt = (0.0, 0.0, 0.0)) -> list[Part]:
    return [Part(place(p.mesh, at, yaw), p.material) for p in parts]


def build(parts: list[Part], room: Room, lights: tuple[Light, ...], cam: tuple[Pt, Pt], lens: Lens) -> Scene:
    return Scene(tuple(parts), room, lights, cam[0], cam[1], lens)


def sweep(paper: Material, ambient: float = 0.35, wall_z: float = -0.9, floor: Material | None = None) -> Room:
    """A seamless paper sweep; ``floor`` lays a different sheet (a glossy one) on its flat part."""
    return Room(floor or paper, paper, True, wall_z, 0.55, ambient=ambient)


def wall_floor(floor: Material, wall: Material, wall_z: float, skirting: Material, ambient: float = 0.35) -> Room:
    return Room(floor, wall, False, wall_z, skirting=skirting, ambient=ambient)
