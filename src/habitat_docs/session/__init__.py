"""Sessions: session files, symbol allocation and the register, parallel builds and the index."""
