"""Loading: data files (YAML, JSON, TOML) parsed within limits, mapped to lines, and structured into models."""
