from typing import Literal

from pydantic import BaseModel


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ok"]
    database: Literal["ok"]
    redis: Literal["ok"]
    image_model: str
    saliency_weights: str  # the weights the local model cuts out with, "missing", or "none" (another model)
