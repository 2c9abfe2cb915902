// placeholder: written by the I/O work in progress
