"""The document model: document kinds, Text, UN symbols, inline markup and facts, as frozen attrs values."""
