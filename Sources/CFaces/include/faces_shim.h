#ifndef SIBYL_FACES_SHIM_H
#define SIBYL_FACES_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// dlib's face models loaded once: the HOG frontal face detector (built into dlib), a 5-point landmark predictor
/// and the ResNet face-embedding network. Not thread-safe: use one per thread at a time.
typedef struct sibyl_faces sibyl_faces;

/// A detected face: a box in pixels of the image and the detector's score (higher is surer; about 0 at the
/// detector's own threshold).
typedef struct {
    double left, top, right, bottom;
    double score;
} sibyl_face_box;

/// Loads the landmark predictor and the embedding network from their dlib `.dat` files. Answers NULL and writes a
/// message into `error` when a file cannot be read.
sibyl_faces *sibyl_faces_open(const char *landmarks_path, const char *embedding_path, char *error, size_t error_size);

/// Frees the models.
void sibyl_faces_close(sibyl_faces *faces);

/// What is found of one face: its box, and its five landmarks as x,y pairs in pixels (the two corners of the eye
/// on the image's left, the two corners of the other eye, the bottom of the nose).
typedef struct {
    sibyl_face_box box;
    double points[10];
} sibyl_face;

/// Finds frontal faces in an RGB image (3 bytes a pixel, rows `stride` bytes apart), upsampling it `upsample` times
/// first to find small faces, places each face's landmarks and, when `embeddings` is not NULL, writes its
/// 128-dimensional embedding (two faces of one person lie within about 0.6 of each other in Euclidean distance)
/// at `embeddings + 128 * i`. The image is copied once; each face's landmarks are placed once. Writes at most
/// `capacity` faces, best first, and answers how many it wrote (or -1 on an internal error).
int sibyl_faces_analyze(
    sibyl_faces *faces, const uint8_t *rgb, int width, int height, int stride, int upsample, double threshold,
    sibyl_face *out, float *embeddings, int capacity);

#ifdef __cplusplus
}
#endif

#endif
