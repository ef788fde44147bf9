import Vision
