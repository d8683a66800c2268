"""What the install endpoints answer."""

from __future__ import annotations

from pydantic import BaseModel


class InstalledOut(BaseModel):
    shop_domain: str
    plan: str
